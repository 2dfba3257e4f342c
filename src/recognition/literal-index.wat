;; Which literals a text holds, in one pass over the text: the pass
;; LiteralIndex (literal-index.ts) makes in JavaScript, made here over the
;; text's UTF-16 code units, which the caller writes at $input. Every literal
;; is filed under three of its characters in a row by a key of their low
;; bytes, each shifted 5 bits over the one before (15 bits kept); the pass
;; keeps the key of the last three characters, looks it up, and compares the
;; literals filed there in place: code unit for code unit, a literal in any
;; case folding only its ASCII small letters onto capitals. A literal found
;; gets 1 at $found + its id.
;;
;; Memory, laid out by the caller (setup): the table at 0 (32768 u16: key →
;; 1 + bucket, 0 for none); bucket b's entries from bucket_starts[b] to
;; bucket_starts[b + 1] (i32), each an id (entry_ids, i32) and where its
;; three characters stand in the literal (entry_offsets, i32); literal id's
;; code units from lit_starts[id] to lit_starts[id + 1] (i32) in lit_codes
;; (u16); any_case (u8 per id, 1: in any case); found (u8 per id); the text
;; at input.
(module
  (memory (export "memory") 2)
  (global $bucket_starts (mut i32) (i32.const 0))
  (global $entry_ids (mut i32) (i32.const 0))
  (global $entry_offsets (mut i32) (i32.const 0))
  (global $lit_starts (mut i32) (i32.const 0))
  (global $lit_codes (mut i32) (i32.const 0))
  (global $any_case (mut i32) (i32.const 0))
  (global $found (mut i32) (i32.const 0))
  (global $input (mut i32) (i32.const 0))

  (func (export "setup") (param $bs i32) (param $ei i32) (param $eo i32) (param $ls i32) (param $lc i32) (param $ac i32) (param $f i32) (param $in i32)
    (global.set $bucket_starts (local.get $bs))
    (global.set $entry_ids (local.get $ei))
    (global.set $entry_offsets (local.get $eo))
    (global.set $lit_starts (local.get $ls))
    (global.set $lit_codes (local.get $lc))
    (global.set $any_case (local.get $ac))
    (global.set $found (local.get $f))
    (global.set $input (local.get $in)))

  ;; Whether literal $id's code units stand at code unit $at of the text ($len of them).
  (func $matches (param $id i32) (param $at i32) (param $len i32) (result i32)
    (local $from i32) (local $to i32) (local $p i32) (local $want i32) (local $c i32) (local $fold i32)
    (local.set $from (i32.load (i32.add (global.get $lit_starts) (i32.shl (local.get $id) (i32.const 2)))))
    (local.set $to (i32.load (i32.add (global.get $lit_starts) (i32.shl (i32.add (local.get $id) (i32.const 1)) (i32.const 2)))))
    (if (i32.gt_s (i32.add (local.get $at) (i32.sub (local.get $to) (local.get $from))) (local.get $len))
      (then (return (i32.const 0))))
    (local.set $fold (i32.load8_u (i32.add (global.get $any_case) (local.get $id))))
    (local.set $p (i32.add (global.get $input) (i32.shl (local.get $at) (i32.const 1))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $from) (local.get $to)))
        (local.set $want (i32.load16_u (i32.add (global.get $lit_codes) (i32.shl (local.get $from) (i32.const 1)))))
        (local.set $c (i32.load16_u (local.get $p)))
        (if (i32.ne (local.get $c) (local.get $want))
          (then
            ;; In any case, a small ASCII letter also matches its capital, and nothing else.
            (if (i32.eqz (i32.and (local.get $fold)
                  (i32.and (i32.le_u (i32.sub (local.get $want) (i32.const 0x61)) (i32.const 25))
                           (i32.eq (local.get $c) (i32.sub (local.get $want) (i32.const 0x20))))))
              (then (return (i32.const 0))))))
        (local.set $from (i32.add (local.get $from) (i32.const 1)))
        (local.set $p (i32.add (local.get $p) (i32.const 2)))
        (br $next)))
    (i32.const 1))

  ;; Marks at $found every literal the text of $len code units at $input holds (found must be all 0 before).
  (func (export "scan") (param $len i32)
    (local $i i32) (local $key i32) (local $bucket i32) (local $e i32) (local $end i32) (local $id i32) (local $at i32) (local $flag i32)
    (block $out
      (loop $char
        (br_if $out (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $key (i32.and
          (i32.xor (i32.shl (local.get $key) (i32.const 5))
                   (i32.load8_u (i32.add (global.get $input) (i32.shl (local.get $i) (i32.const 1)))))
          (i32.const 0x7fff)))
        (local.set $bucket (i32.load16_u (i32.shl (local.get $key) (i32.const 1))))
        (if (i32.and (i32.ne (local.get $bucket) (i32.const 0)) (i32.ge_u (local.get $i) (i32.const 2)))
          (then
            (local.set $e (i32.load (i32.add (global.get $bucket_starts) (i32.shl (i32.sub (local.get $bucket) (i32.const 1)) (i32.const 2)))))
            (local.set $end (i32.load (i32.add (global.get $bucket_starts) (i32.shl (local.get $bucket) (i32.const 2)))))
            (block $bucket_done
              (loop $entry
                (br_if $bucket_done (i32.ge_u (local.get $e) (local.get $end)))
                (local.set $id (i32.load (i32.add (global.get $entry_ids) (i32.shl (local.get $e) (i32.const 2)))))
                (local.set $flag (i32.add (global.get $found) (local.get $id)))
                (if (i32.eqz (i32.load8_u (local.get $flag)))
                  (then
                    (local.set $at (i32.sub (i32.sub (local.get $i) (i32.const 2))
                                            (i32.load (i32.add (global.get $entry_offsets) (i32.shl (local.get $e) (i32.const 2))))))
                    (if (i32.ge_s (local.get $at) (i32.const 0))
                      (then
                        (if (call $matches (local.get $id) (local.get $at) (local.get $len))
                          (then (i32.store8 (local.get $flag) (i32.const 1))))))))
                (local.set $e (i32.add (local.get $e) (i32.const 1)))
                (br $entry)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $char)))))
