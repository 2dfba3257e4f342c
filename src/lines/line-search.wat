;; The lines of a block, the gate's hits on each and each line's first `|`,
;; in one pass over its bytes with 128-bit SIMD (`scan`); and the shape of a
;; JSON line of the block, with its keys (`json`, below). See line-search.ts,
;; which fills the tables and reads the results.
;;
;; A gate word is found in any ASCII case (A-Z folded onto a-z, nothing else
;; folded), and a word may allow any number of its separators between any two
;; of its characters (`c[-_]*o[-_]*d[-_]*e`). Candidates are found 16 bytes at
;; a time by their first three bytes, folded (the Teddy method: each byte's low
;; and high nibble look up a mask of word groups, and a position is a
;; candidate when a group holds its first, second and third bytes); each
;; candidate is then checked against the words that start with its byte.
;;
;; Memory (byte offsets):
;;   0    first byte's low-nibble groups  (16 bytes)
;;   16   first byte's high-nibble groups (16 bytes)
;;   32   second byte's low-nibble groups (16 bytes)
;;   48   second byte's high-nibble groups (16 bytes)
;;   64   third byte's low- and high-nibble groups (16 + 16 bytes)
;;   256  for each folded byte, the offset of the first word starting with it (i32 x 256; 0: none)
;;   2048 word records: next record (i32, 0: none), length (i32), separators'
;;        count (i32), the separators and the characters, folded
;;   96   1 if a call found more hits than its list holds (i32), else 0
;;   65536  line ends (i32 x 8192)
;;   98304  each line's first hit (i32 x 8192, -1: none)
;;   131072 where each line's hits start in the list (i32 x 8193: a line's hits
;;          are the list's entries from its start to the next line's)
;;   196608 the list of every hit, in order (i32 x 65536)
;;   458752 the keys of the JSON line read last by `json` (see below): their
;;          count (i32), whether a string starts with `_` (i32), and from
;;          458816 on, each key's start, end, gap before its colon, last dot,
;;          depth and value's start (six arrays of i32 x 1024, 4096 bytes apart);
;;          at 458760, the union of the keys' classes (i32, see below)
;;   483392 the table of key classes (i8 x 4096: a key's slot is its length,
;;          63 for any longer, times 64, plus its first byte's low six bits)
;;   491520 each line's first `|` (i32 x 8192, -1: none)
;;   524288 the block's bytes, followed by 32 zero bytes
(module
  (memory (export "memory") 10)

  (global $FIRST i32 (i32.const 256))
  (global $ENDS i32 (i32.const 65536))
  (global $HITS i32 (i32.const 98304))
  (global $FIRSTS i32 (i32.const 131072))
  (global $LIST i32 (i32.const 196608))
  (global $LIST_CAP i32 (i32.const 65536))
  (global $IN i32 (i32.const 524288))
  (global $PIPES i32 (i32.const 491520))
  (global $CAP i32 (i32.const 8192))
  (global $LOST i32 (i32.const 96))
  (global $KEYS i32 (i32.const 458752))
  (global $KEY_ARRAYS i32 (i32.const 458816))
  (global $KEY_CAP i32 (i32.const 1024))
  (global $KEY_CLASSES i32 (i32.const 483392))
  ;; While `json` reads a line: the block's length, the last `.` of the key
  ;; just read, and whether the line has more keys than the arrays hold.
  (global $jsonLen (mut i32) (i32.const 0))
  (global $keyDot (mut i32) (i32.const -1))
  (global $tooManyKeys (mut i32) (i32.const 0))
  ;; The union of the classes of the keys read so far, and 0x80 for a key with a dot.
  (global $classes (mut i32) (i32.const 0))

  ;; A-Z onto a-z, every other byte as it is.
  (func $fold (param $c i32) (result i32)
    (select
      (i32.or (local.get $c) (i32.const 0x20))
      (local.get $c)
      (i32.lt_u (i32.sub (local.get $c) (i32.const 0x41)) (i32.const 26))))

  ;; Whether the byte `$c`, folded, is one of the record's separators (stored folded).
  (func $isSeparator (param $record i32) (param $c i32) (result i32)
    (local $i i32)
    (local $n i32)
    (local.set $n (i32.load offset=8 (local.get $record)))
    (block $no
      (loop $next
        (br_if $no (i32.ge_u (local.get $i) (local.get $n)))
        (if (i32.eq (i32.load8_u offset=12 (i32.add (local.get $record) (local.get $i))) (local.get $c))
          (then (return (i32.const 1))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.const 0))

  ;; Whether a word starts at block position `$at` (the block is `$len` bytes long).
  (func $wordAt (param $at i32) (param $len i32) (result i32)
    (local $record i32)
    (local $chars i32)
    (local $n i32)
    (local $k i32)
    (local $pos i32)
    (local $c i32)
    (local $seps i32)
    (local.set $record
      (i32.load (i32.add (global.get $FIRST)
        (i32.shl (call $fold (i32.load8_u (i32.add (global.get $IN) (local.get $at)))) (i32.const 2)))))
    (block $none
      (loop $word
        (br_if $none (i32.eqz (local.get $record)))
        (local.set $n (i32.load offset=4 (local.get $record)))
        (local.set $chars (i32.add (i32.add (local.get $record) (i32.const 12)) (i32.load offset=8 (local.get $record))))
        (local.set $k (i32.const 1))
        (local.set $pos (i32.add (local.get $at) (i32.const 1)))
        (local.set $seps (i32.load offset=8 (local.get $record)))
        (block $mismatch
          (loop $char
            (if (i32.ge_u (local.get $k) (local.get $n)) (then (return (i32.const 1))))
            (br_if $mismatch (i32.ge_u (local.get $pos) (local.get $len)))
            (local.set $c (call $fold (i32.load8_u (i32.add (global.get $IN) (local.get $pos)))))
            ;; The next character, or separators before it, as many as there
            ;; are (none of a word's characters is one of its separators).
            (if (i32.ne (local.get $c) (i32.load8_u (i32.add (local.get $chars) (local.get $k))))
              (then
                (br_if $mismatch (i32.eqz (local.get $seps)))
                (block $after
                  (loop $skip
                    (br_if $after (i32.eqz (call $isSeparator (local.get $record) (local.get $c))))
                    (local.set $pos (i32.add (local.get $pos) (i32.const 1)))
                    (br_if $mismatch (i32.ge_u (local.get $pos) (local.get $len)))
                    (local.set $c (call $fold (i32.load8_u (i32.add (global.get $IN) (local.get $pos)))))
                    (br $skip)))
                (br_if $mismatch (i32.ne (local.get $c) (i32.load8_u (i32.add (local.get $chars) (local.get $k)))))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (local.set $pos (i32.add (local.get $pos) (i32.const 1)))
            (br $char)))
        (local.set $record (i32.load (local.get $record)))
        (br $word)))
    (i32.const 0))

  ;; Reads the block's bytes from `$from` on: writes each line's end (the
  ;; position of its newline, or `$len` for the block's last line), its
  ;; first `|`, its first hit and where its hits start in the list of every
  ;; hit (a list too short for them all sets the flag at 96), and returns how
  ;; many lines it wrote: the block's last line is written only once `$CAP`
  ;; lines have not filled the tables first (call again from after the last
  ;; end written).
  (func (export "scan") (param $len i32) (param $from i32) (result i32)
    (local $i i32)
    (local $line i32)
    (local $hit i32)
    (local $a v128)
    (local $v v128)
    (local $found v128)
    (local $lowNibbles v128)
    (local $upper v128)
    (local $caseBit v128)
    (local $t0lo v128) (local $t0hi v128) (local $t1lo v128) (local $t1hi v128) (local $t2lo v128) (local $t2hi v128)
    (local $mask i32)
    (local $newlines i32)
    (local $pipes i32)
    (local $candidates i32)
    (local $pipe i32)
    (local $k i32)
    (local $pos i32)
    (local $listed i32)
    (local.set $hit (i32.const -1))
    (local.set $pipe (i32.const -1))
    (i32.store (global.get $LOST) (i32.const 0))
    (i32.store (global.get $FIRSTS) (i32.const 0))
    (local.set $i (local.get $from))
    (local.set $t0lo (v128.load (i32.const 0)))
    (local.set $t0hi (v128.load (i32.const 16)))
    (local.set $t1lo (v128.load (i32.const 32)))
    (local.set $t1hi (v128.load (i32.const 48)))
    (local.set $t2lo (v128.load (i32.const 64)))
    (local.set $t2hi (v128.load (i32.const 80)))
    (local.set $lowNibbles (i8x16.splat (i32.const 0x0f)))
    (local.set $caseBit (i8x16.splat (i32.const 0x20)))
    (block $done
      (loop $vector
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $a (v128.load (i32.add (global.get $IN) (local.get $i))))
        (local.set $newlines (i8x16.bitmask (i8x16.eq (local.get $a) (i8x16.splat (i32.const 0x0a)))))
        (local.set $pipes (i8x16.bitmask (i8x16.eq (local.get $a) (i8x16.splat (i32.const 0x7c)))))
        ;; Each of the three bytes folded (A-Z: the case bit set), then its groups ANDed in.
        (local.set $upper (i8x16.lt_u (i8x16.sub (local.get $a) (i8x16.splat (i32.const 0x41))) (i8x16.splat (i32.const 26))))
        (local.set $v (v128.or (local.get $a) (v128.and (local.get $upper) (local.get $caseBit))))
        (local.set $found
          (v128.and
            (i8x16.swizzle (local.get $t0lo) (v128.and (local.get $v) (local.get $lowNibbles)))
            (i8x16.swizzle (local.get $t0hi) (i8x16.shr_u (local.get $v) (i32.const 4)))))
        (local.set $v (v128.load offset=1 (i32.add (global.get $IN) (local.get $i))))
        (local.set $upper (i8x16.lt_u (i8x16.sub (local.get $v) (i8x16.splat (i32.const 0x41))) (i8x16.splat (i32.const 26))))
        (local.set $v (v128.or (local.get $v) (v128.and (local.get $upper) (local.get $caseBit))))
        (local.set $found
          (v128.and (local.get $found)
            (v128.and
              (i8x16.swizzle (local.get $t1lo) (v128.and (local.get $v) (local.get $lowNibbles)))
              (i8x16.swizzle (local.get $t1hi) (i8x16.shr_u (local.get $v) (i32.const 4))))))
        (local.set $v (v128.load offset=2 (i32.add (global.get $IN) (local.get $i))))
        (local.set $upper (i8x16.lt_u (i8x16.sub (local.get $v) (i8x16.splat (i32.const 0x41))) (i8x16.splat (i32.const 26))))
        (local.set $v (v128.or (local.get $v) (v128.and (local.get $upper) (local.get $caseBit))))
        (local.set $found
          (v128.and (local.get $found)
            (v128.and
              (i8x16.swizzle (local.get $t2lo) (v128.and (local.get $v) (local.get $lowNibbles)))
              (i8x16.swizzle (local.get $t2hi) (i8x16.shr_u (local.get $v) (i32.const 4))))))
        (local.set $candidates (i8x16.bitmask (i8x16.ne (local.get $found) (v128.const i32x4 0 0 0 0))))
        (local.set $mask (i32.or (i32.or (local.get $newlines) (local.get $candidates)) (local.get $pipes)))
        (if (i32.lt_u (i32.sub (local.get $len) (local.get $i)) (i32.const 16))
          (then (local.set $mask (i32.and (local.get $mask)
            (i32.sub (i32.shl (i32.const 1) (i32.sub (local.get $len) (local.get $i))) (i32.const 1))))))
        (block $vectorDone
          (loop $bit
            (br_if $vectorDone (i32.eqz (local.get $mask)))
            (local.set $k (i32.ctz (local.get $mask)))
            (local.set $pos (i32.add (local.get $i) (local.get $k)))
            (if (i32.and (i32.shr_u (local.get $newlines) (local.get $k)) (i32.const 1))
              (then
                (i32.store (i32.add (global.get $ENDS) (i32.shl (local.get $line) (i32.const 2))) (local.get $pos))
                (i32.store (i32.add (global.get $HITS) (i32.shl (local.get $line) (i32.const 2))) (local.get $hit))
                (i32.store (i32.add (global.get $PIPES) (i32.shl (local.get $line) (i32.const 2))) (local.get $pipe))
                (local.set $line (i32.add (local.get $line) (i32.const 1)))
                (i32.store (i32.add (global.get $FIRSTS) (i32.shl (local.get $line) (i32.const 2))) (local.get $listed))
                (local.set $hit (i32.const -1))
                (local.set $pipe (i32.const -1))
                (if (i32.eq (local.get $line) (global.get $CAP)) (then (return (local.get $line)))))
              (else
                (if (i32.and (i32.lt_s (local.get $pipe) (i32.const 0)) (i32.shr_u (local.get $pipes) (local.get $k)))
                  (then (local.set $pipe (local.get $pos))))
                (if (i32.and (i32.and (i32.shr_u (local.get $candidates) (local.get $k)) (i32.const 1))
                      (call $wordAt (local.get $pos) (local.get $len)))
                  (then
                    (if (i32.lt_s (local.get $hit) (i32.const 0)) (then (local.set $hit (local.get $pos))))
                    (if (i32.lt_u (local.get $listed) (global.get $LIST_CAP))
                      (then
                        (i32.store (i32.add (global.get $LIST) (i32.shl (local.get $listed) (i32.const 2))) (local.get $pos))
                        (local.set $listed (i32.add (local.get $listed) (i32.const 1))))
                      (else (i32.store (global.get $LOST) (i32.const 1))))))))
            (local.set $mask (i32.and (local.get $mask) (i32.sub (local.get $mask) (i32.const 1))))
            (br $bit)))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $vector)))
    (i32.store (i32.add (global.get $ENDS) (i32.shl (local.get $line) (i32.const 2))) (local.get $len))
    (i32.store (i32.add (global.get $HITS) (i32.shl (local.get $line) (i32.const 2))) (local.get $hit))
    (i32.store (i32.add (global.get $PIPES) (i32.shl (local.get $line) (i32.const 2))) (local.get $pipe))
    (i32.store (i32.add (global.get $FIRSTS) (i32.shl (i32.add (local.get $line) (i32.const 1)) (i32.const 2))) (local.get $listed))
    (i32.add (local.get $line) (i32.const 1)))

  ;; ---- The shape of a JSON line (json-line-shape.ts's jsonObjectEnd, byte
  ;; for byte): an object without escapes whose containers nest at most three
  ;; deep, its keys recorded. Positions are the block's; a byte past the
  ;; block's end reads as 0 (the padding), where the JavaScript reads NaN:
  ;; neither is a character any test below accepts, so both fail alike. Bytes
;; are loaded at their offset from the block's start ($IN, 491520); the
;; whitespace skip is called only where the next byte may be whitespace.

  ;; Past the JSON whitespace (space, tab, CR) at `$i`.
  (func $ws (param $i i32) (result i32)
    (local $c i32)
    (block $done
      (loop $more
        (local.set $c (i32.load8_u offset=524288 (local.get $i)))
        (br_if $done (i32.eqz (i32.or (i32.or
          (i32.eq (local.get $c) (i32.const 0x20)) (i32.eq (local.get $c) (i32.const 0x09)))
          (i32.eq (local.get $c) (i32.const 0x0d)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $more)))
    (local.get $i))

  ;; Just past the closing quote of the string at `$at`, -1 at an escape, a
  ;; control character or the block's end; notes a string led by `_`. With
  ;; `$key`, the string's last `.` goes to $keyDot. Sixteen bytes at a time:
  ;; the padding's zeros past the block's end stop it as a control character would.
  (func $stringEnd (param $at i32) (param $key i32) (result i32)
    (local $i i32)
    (local $v v128)
    (local $stops i32)
    (local $dots i32)
    (local $j i32)
    (if (i32.eq (i32.load8_u offset=524288 (i32.add (local.get $at) (i32.const 1))) (i32.const 0x5f))
      (then (i32.store offset=4 (global.get $KEYS) (i32.const 1))))
    (global.set $keyDot (i32.const -1))
    (local.set $i (i32.add (local.get $at) (i32.const 1)))
    (loop $vector
      (if (i32.ge_u (local.get $i) (global.get $jsonLen)) (then (return (i32.const -1))))
      (local.set $v (v128.load (i32.add (global.get $IN) (local.get $i))))
      (local.set $stops (i8x16.bitmask (v128.or
        (v128.or (i8x16.eq (local.get $v) (i8x16.splat (i32.const 0x22))) (i8x16.eq (local.get $v) (i8x16.splat (i32.const 0x5c))))
        (i8x16.lt_u (local.get $v) (i8x16.splat (i32.const 0x20))))))
      (if (local.get $key)
        (then
          (local.set $dots (i8x16.bitmask (i8x16.eq (local.get $v) (i8x16.splat (i32.const 0x2e)))))
          ;; Only the dots before the string's end count.
          (if (local.get $stops)
            (then (local.set $dots (i32.and (local.get $dots)
              (i32.sub (i32.shl (i32.const 1) (i32.ctz (local.get $stops))) (i32.const 1))))))
          (if (local.get $dots)
            (then (global.set $keyDot (i32.add (local.get $i) (i32.sub (i32.const 31) (i32.clz (local.get $dots)))))))))
      (if (local.get $stops)
        (then
          (local.set $j (i32.add (local.get $i) (i32.ctz (local.get $stops))))
          (if (i32.ge_u (local.get $j) (global.get $jsonLen)) (then (return (i32.const -1))))
          (return (select (i32.add (local.get $j) (i32.const 1)) (i32.const -1)
            (i32.eq (i32.load8_u offset=524288 (local.get $j)) (i32.const 0x22))))))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br $vector))
    (i32.const -1))

  (func $isDigit (param $c i32) (result i32)
    (i32.lt_u (i32.sub (local.get $c) (i32.const 0x30)) (i32.const 10)))

  (func $digitsEnd (param $i i32) (result i32)
    (block $done
      (loop $more
        (br_if $done (i32.eqz (call $isDigit (i32.load8_u offset=524288 (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $more)))
    (local.get $i))

  ;; Just past the JSON number at `$at`, or -1.
  (func $numberEnd (param $at i32) (result i32)
    (local $i i32)
    (local $c i32)
    (local.set $i (local.get $at))
    (if (i32.eq (i32.load8_u offset=524288 (local.get $i)) (i32.const 0x2d)) (then (local.set $i (i32.add (local.get $i) (i32.const 1)))))
    (local.set $c (i32.load8_u offset=524288 (local.get $i)))
    (if (i32.eq (local.get $c) (i32.const 0x30))
      (then (local.set $i (i32.add (local.get $i) (i32.const 1))))
      (else
        (if (call $isDigit (local.get $c))
          (then (local.set $i (call $digitsEnd (local.get $i))))
          (else (return (i32.const -1))))))
    (if (i32.eq (i32.load8_u offset=524288 (local.get $i)) (i32.const 0x2e))
      (then
        (if (i32.eqz (call $isDigit (i32.load8_u offset=524288 (i32.add (local.get $i) (i32.const 1))))) (then (return (i32.const -1))))
        (local.set $i (call $digitsEnd (i32.add (local.get $i) (i32.const 1))))))
    (local.set $c (i32.load8_u offset=524288 (local.get $i)))
    (if (i32.or (i32.eq (local.get $c) (i32.const 0x65)) (i32.eq (local.get $c) (i32.const 0x45)))
      (then
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (local.set $c (i32.load8_u offset=524288 (local.get $i)))
        (if (i32.or (i32.eq (local.get $c) (i32.const 0x2b)) (i32.eq (local.get $c) (i32.const 0x2d)))
          (then (local.set $i (i32.add (local.get $i) (i32.const 1)))))
        (if (i32.eqz (call $isDigit (i32.load8_u offset=524288 (local.get $i)))) (then (return (i32.const -1))))
        (local.set $i (call $digitsEnd (local.get $i)))))
    (local.get $i))

  ;; The four bytes at `$i`, little-endian (for `true`, `fals`, `null`).
  (func $word4 (param $i i32) (result i32)
    (i32.load offset=524288 (local.get $i)))

  ;; Just past the value at `$at` inside a container at `$depth`, or -1.
  (func $valueEnd (param $at i32) (param $depth i32) (result i32)
    (local $c i32)
    (local.set $c (i32.load8_u offset=524288 (local.get $at)))
    (if (i32.eq (local.get $c) (i32.const 0x22)) (then (return (call $stringEnd (local.get $at) (i32.const 0)))))
    (if (i32.eq (local.get $c) (i32.const 0x7b))
      (then
        (if (i32.ge_u (local.get $depth) (i32.const 3)) (then (return (i32.const -1))))
        (return (call $objectEnd (local.get $at) (i32.add (local.get $depth) (i32.const 1))))))
    (if (i32.eq (local.get $c) (i32.const 0x5b))
      (then
        (if (i32.ge_u (local.get $depth) (i32.const 3)) (then (return (i32.const -1))))
        (return (call $arrayEnd (local.get $at) (i32.add (local.get $depth) (i32.const 1))))))
    (if (i32.eq (local.get $c) (i32.const 0x74))
      (then (return (select (i32.add (local.get $at) (i32.const 4)) (i32.const -1)
        (i32.eq (call $word4 (local.get $at)) (i32.const 0x65757274))))))
    (if (i32.eq (local.get $c) (i32.const 0x66))
      (then (return (select (i32.add (local.get $at) (i32.const 5)) (i32.const -1)
        (i32.and (i32.eq (call $word4 (local.get $at)) (i32.const 0x736c6166))
          (i32.eq (i32.load8_u offset=524288 (i32.add (local.get $at) (i32.const 4))) (i32.const 0x65)))))))
    (if (i32.eq (local.get $c) (i32.const 0x6e))
      (then (return (select (i32.add (local.get $at) (i32.const 4)) (i32.const -1)
        (i32.eq (call $word4 (local.get $at)) (i32.const 0x6c6c756e))))))
    (call $numberEnd (local.get $at)))

  ;; Records a key: its start and end (quotes excluded), the gap before its
  ;; colon, its last dot, its depth and its value's start. False once the
  ;; arrays are full.
  (func $addKey (param $start i32) (param $end i32) (param $gap i32) (param $depth i32) (param $value i32) (result i32)
    (local $n i32)
    (local $slot i32)
    (local.set $n (i32.load (global.get $KEYS)))
    (if (i32.ge_u (local.get $n) (global.get $KEY_CAP))
      (then (global.set $tooManyKeys (i32.const 1)) (return (i32.const 0))))
    (local.set $slot (i32.add (global.get $KEY_ARRAYS) (i32.shl (local.get $n) (i32.const 2))))
    (i32.store (local.get $slot) (local.get $start))
    (i32.store offset=4096 (local.get $slot) (local.get $end))
    (i32.store offset=8192 (local.get $slot) (local.get $gap))
    (i32.store offset=12288 (local.get $slot) (global.get $keyDot))
    (i32.store offset=16384 (local.get $slot) (local.get $depth))
    (i32.store offset=20480 (local.get $slot) (local.get $value))
    (i32.store (global.get $KEYS) (i32.add (local.get $n) (i32.const 1)))
    ;; The key's class, from its length (63 for any longer) and its first byte's low six bits.
    (local.set $n (i32.sub (local.get $end) (local.get $start)))
    (if (i32.gt_u (local.get $n) (i32.const 63)) (then (local.set $n (i32.const 63))))
    (global.set $classes (i32.or (global.get $classes)
      (i32.load8_u (i32.add (global.get $KEY_CLASSES) (i32.or (i32.shl (local.get $n) (i32.const 6))
        (i32.and (i32.load8_u offset=524288 (local.get $start)) (i32.const 63)))))))
    (if (i32.ge_s (global.get $keyDot) (i32.const 0))
      (then (global.set $classes (i32.or (global.get $classes) (i32.const 0x80)))))
    (i32.const 1))

  (func $objectEnd (param $at i32) (param $depth i32) (result i32)
    (local $i i32)
    (local $keyAt i32)
    (local $afterKey i32)
    (local $valueAt i32)
    (local $c i32)
    (local.set $i (i32.add (local.get $at) (i32.const 1)))
    (if (i32.le_u (i32.load8_u offset=524288 (local.get $i)) (i32.const 0x20)) (then (local.set $i (call $ws (local.get $i)))))
    (if (i32.eq (i32.load8_u offset=524288 (local.get $i)) (i32.const 0x7d)) (then (return (i32.add (local.get $i) (i32.const 1)))))
    (loop $member
      (if (i32.ne (i32.load8_u offset=524288 (local.get $i)) (i32.const 0x22)) (then (return (i32.const -1))))
      (local.set $keyAt (local.get $i))
      (local.set $i (call $stringEnd (local.get $i) (i32.const 1)))
      (if (i32.lt_s (local.get $i) (i32.const 0)) (then (return (i32.const -1))))
      (local.set $afterKey (local.get $i))
      (if (i32.le_u (i32.load8_u offset=524288 (local.get $i)) (i32.const 0x20)) (then (local.set $i (call $ws (local.get $i)))))
      (if (i32.ne (i32.load8_u offset=524288 (local.get $i)) (i32.const 0x3a)) (then (return (i32.const -1))))
      (local.set $valueAt (i32.add (local.get $i) (i32.const 1)))
      (if (i32.le_u (i32.load8_u offset=524288 (local.get $valueAt)) (i32.const 0x20)) (then (local.set $valueAt (call $ws (local.get $valueAt)))))
      (if (i32.eqz (call $addKey
          (i32.add (local.get $keyAt) (i32.const 1)) (i32.sub (local.get $afterKey) (i32.const 1))
          (i32.sub (local.get $i) (local.get $afterKey)) (local.get $depth) (local.get $valueAt)))
        (then (return (i32.const -1))))
      (local.set $i (call $valueEnd (local.get $valueAt) (local.get $depth)))
      (if (i32.lt_s (local.get $i) (i32.const 0)) (then (return (i32.const -1))))
      (if (i32.le_u (i32.load8_u offset=524288 (local.get $i)) (i32.const 0x20)) (then (local.set $i (call $ws (local.get $i)))))
      (local.set $c (i32.load8_u offset=524288 (local.get $i)))
      (if (i32.eq (local.get $c) (i32.const 0x7d)) (then (return (i32.add (local.get $i) (i32.const 1)))))
      (if (i32.ne (local.get $c) (i32.const 0x2c)) (then (return (i32.const -1))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (if (i32.le_u (i32.load8_u offset=524288 (local.get $i)) (i32.const 0x20)) (then (local.set $i (call $ws (local.get $i)))))
      (br $member))
    (i32.const -1))

  (func $arrayEnd (param $at i32) (param $depth i32) (result i32)
    (local $i i32)
    (local $c i32)
    (local.set $i (i32.add (local.get $at) (i32.const 1)))
    (if (i32.le_u (i32.load8_u offset=524288 (local.get $i)) (i32.const 0x20)) (then (local.set $i (call $ws (local.get $i)))))
    (if (i32.eq (i32.load8_u offset=524288 (local.get $i)) (i32.const 0x5d)) (then (return (i32.add (local.get $i) (i32.const 1)))))
    (loop $element
      (local.set $i (call $valueEnd (local.get $i) (local.get $depth)))
      (if (i32.lt_s (local.get $i) (i32.const 0)) (then (return (i32.const -1))))
      (if (i32.le_u (i32.load8_u offset=524288 (local.get $i)) (i32.const 0x20)) (then (local.set $i (call $ws (local.get $i)))))
      (local.set $c (i32.load8_u offset=524288 (local.get $i)))
      (if (i32.eq (local.get $c) (i32.const 0x5d)) (then (return (i32.add (local.get $i) (i32.const 1)))))
      (if (i32.ne (local.get $c) (i32.const 0x2c)) (then (return (i32.const -1))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (if (i32.le_u (i32.load8_u offset=524288 (local.get $i)) (i32.const 0x20)) (then (local.set $i (call $ws (local.get $i)))))
      (br $element))
    (i32.const -1))

  ;; The index just past the JSON object of the accepted shape at block
  ;; position `$at` (the block is `$len` bytes long), its keys written from
  ;; 458752 on; -1 when there is none, -2 when it has more keys than the
  ;; arrays hold (the caller then reads it itself).
  (func (export "json") (param $at i32) (param $len i32) (result i32)
    (local $end i32)
    (global.set $jsonLen (local.get $len))
    (global.set $tooManyKeys (i32.const 0))
    (global.set $classes (i32.const 0))
    (i32.store (global.get $KEYS) (i32.const 0))
    (i32.store offset=4 (global.get $KEYS) (i32.const 0))
    (if (i32.ne (i32.load8_u offset=524288 (local.get $at)) (i32.const 0x7b)) (then (return (i32.const -1))))
    (local.set $end (call $objectEnd (local.get $at) (i32.const 1)))
    (i32.store offset=8 (global.get $KEYS) (global.get $classes))
    (select (i32.const -2) (local.get $end) (global.get $tooManyKeys)))
)
