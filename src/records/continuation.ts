/**
 * Rules that decide whether a physical line continues the open record
 * (a stack frame, a traceback, an SDK's multi-line error) or starts a new one.
 * Each rule is a cheap check on the line's first characters.
 */

/** What the assembler remembers about the open record. */
export interface ContinuationState {
  /** Lines in the open record so far. */
  lines: number;
  /** Inside a Python traceback, until its final exception line. */
  traceback: boolean;
  /** After an SDK error header whose fields follow unindented (`ErrorCode: …`). */
  fieldBlock: boolean;
  /** The open record's first line is itself an exception header. */
  startsWithException: boolean;
  /** The last line ended with `caused by:`, so the cause follows on the next line. */
  causeNext: boolean;
  /**
   * The record is one log header line that shows no exception of its own:
   * an exception line right after it is its (a logger that prints the
   * message, then the error's stack on the next line).
   */
  awaitsException: boolean;
  /**
   * The record is java.util.logging's header line alone (`Nov 22, 2026
   * 9:44:34 AM com.example.App main`): its message follows on the next line,
   * led by its level (`SEVERE: …`).
   */
  julHeader: boolean;
  /** Lines of the record's header: 1, one more once java.util.logging's level line joined its header line, and one more for each empty line right after it. */
  headerLines: number;
  /** Inside Terraform's diagnostic box (`╷`, then `│ …` lines, until `╵`): one diagnostic, one record. */
  box: boolean;
  /**
   * Inside a Go program's crash output: from `panic: …` or `fatal error: …`
   * (or a goroutine's header, a dump on SIGQUIT) on, the goroutines'
   * headers, their frames' function lines and `created by` lines.
   */
  goroutines: boolean;
  /**
   * Inside a stack trace zap writes after a Go log line (its development
   * config does at warnings and above): a header that names its caller
   * (`…\tWARN\tsync/topics.go:88\t…`), then each frame's function on a
   * line of its own (`main.main`, `github.com/x/y.(*Client).Send`) and its
   * file and line indented by a tab.
   */
  goStack: boolean;
  /**
   * Where the record's first line has its level in rich's padded level
   * column (Python's RichHandler: `[13:25:23] ERROR    …`, or that column
   * alone when the time repeats and is left blank), or 0: a line indented
   * to that column with a level there starts a record (see richLevelColumn).
   */
  richColumn: number;
  /**
   * The record's first line is a plain text line, not a JSON one: a brace
   * or bracket alone right after it opens a value it printed on the lines
   * after it (`logger.error("failed:\n%s", json.dumps(body, indent=2))`).
   */
  textHeader: boolean;
  /** The last line read was empty. */
  afterBlank: boolean;
}

export const FRESH_STATE: ContinuationState = {
  lines: 0,
  traceback: false,
  fieldBlock: false,
  startsWithException: false,
  causeNext: false,
  awaitsException: false,
  julHeader: false,
  headerLines: 1,
  box: false,
  goroutines: false,
  goStack: false,
  richColumn: 0,
  textHeader: false,
  afterBlank: false,
};

/**
 * Next.js's log lines (its build/output/log.ts): a space, the kind's mark
 * (`⨯` an error, `X` in earlier releases, `⚠` a warning, `✓` an event, `○`
 * a wait, `»` a trace, `▲` ready), a space, then the message: an error's
 * inspected stack follows on the lines after it. The mark in colour on a
 * terminal (`\x1b[31m\x1b[1m⨯\x1b[22m\x1b[39m`).
 */
const NEXT_LINE = /^ (?:\x1b\[[0-9;]{1,16}m){0,4}[\u2a2fX\u26a0\u2713\u25cb\u00bb\u25b2](?:\x1b\[[0-9;]{1,16}m){0,4} \S/;

/** Whether `line`, led by a space, is a line of Next.js's log (see NEXT_LINE): it starts a record, though it is indented. */
function startsNextLine(line: string): boolean {
  const mark = line.charCodeAt(1);
  return (mark === 0x1b || mark === 0x58 || mark > 0x7f) && NEXT_LINE.test(line);
}

/** Terraform's diagnostic box: `╷` opens it, each line of it starts with `│`, `╵` closes it. */
const BOX_OPEN = 0x2577;
const BOX_LINE = 0x2502;
const BOX_CLOSE = 0x2575;

/**
 * A Java or Node stack frame or cause, PHP's `Stack trace:` and its numbered frames (`#0 /src/a.php(42): …`, `#1 {main}`),
 * Monolog's `[stacktrace]` before them (Laravel's log), tslog's `error stack:` before an error's frames.
 */
const FRAME_OR_CAUSE = /^(?:at |[Cc]aused by:|Suppressed:|\.\.\. ?\d+ (?:more|common frames omitted)|(?:Stack trace|error stack):\s*$|\[stacktrace\][ \t\r]*$|#\d{1,5} (?:\/|[A-Za-z]:\\|\{main\}|\[internal function\]))/;
/** A Ruby backtrace's frame as Logger writes it, unindented: `/app/lib/sync.rb:12:in `block in run'` (`in 'run'` from Ruby 3.4). */
const RUBY_FRAME = /^[^\s:]{1,256}:\d{1,7}:in [`']/;

/** A stack frame or cause of any runtime above. */
function isFrameOrCause(line: string): boolean {
  return FRAME_OR_CAUSE.test(line) || RUBY_FRAME.test(line);
}
/** An HTML or XML error page or body an SDK quotes or an application logs (`<html>`, `</body>`, `<?xml …?>`). */
const MARKUP = /^<[/?]?[A-Za-z!]/;
/** aliyun-java-sdk-core puts `\r\nRequestId : <ID>` at the end of its exception message. */
const JAVA_SDK_REQUEST_ID = /^RequestId : [A-Za-z0-9-]{8,64}\s*$/;
/** A closing brace or bracket alone; Monolog's `"} []` after an exception's stack trace in a context it writes as JSON. */
const CLOSER = /^"?[}\])]+[,;]?(?: \[\])?\s*$/;
/**
 * A printed value's first line: its opening brace or bracket alone (`json.dumps(body, indent=2)` logged after a
 * message), or the parenthesis PHP's print_r opens an array's entries with (`… Array`, then `(`).
 */
const BARE_OPENER = /^[{[(][ \t\r]*$/;
const TRACEBACK_START = /^Traceback \(most recent call last\):/;
const TRACEBACK_CHAIN = /^(?:During handling of the above exception|The above exception was the direct cause)/;
/** loguru's mark on the frame that caught the exception, in a traceback it extends past that frame (`backtrace=True`). */
const CAUGHT_FRAME = /^> File "/;
const SDK_FIELD = /^(?:ErrorCode|Recommend|RequestId|Message|RespHeaders|StatusCode|Code|Data|HostId|Description|AccessDeniedDetail)\s?:/;
/** An SDK error header whose fields follow: `SDK.ServerError` / `SDKError:` ending the line, or `ClientException: …`. */
const FIELD_BLOCK_OPENER = /(?:SDK\.ServerError|SDKError:?)\s*$|(?:Client|Server)Exception: /;
/** A package-qualified exception class at the start of a line: `com.x.FooException: …`. */
const QUALIFIED_EXCEPTION = /^[a-z][\w$]*(?:\.[\w$]+)+(?:Exception|Error|Throwable)\b/;
const EXCEPTION_HEADER = /^[\w$.]*(?:Exception|Error)\b/;
/**
 * A line that starts with an exception, as runtimes print one: `Error: …`,
 * `TencentCloudSDKException: …`, `ResponseError [ERR_X]: …`, Node's
 * `[TencentCloudSDKException]message:…`, a qualified Java or Python class,
 * tencentcloud-sdk-dotnet's ToString() (`message：code:…`, a full-width colon).
 */
export const EXCEPTION_LINE = /^(?:[\w$.]{0,256}(?:Exception|Error)(?::|\s\[)|\[[\w$.]{0,256}(?:Exception|Error)\]|message\uff1acode:)/;
/** A header line that already shows an exception has none to wait for. */
const OWN_EXCEPTION = /Exception|Error[:\]]/;
/** A header at a level below warnings (Serilog's `INF` too) announces no failure: the next line is not its stack. */
const QUIET_LEVEL = /\b(?:TRACE|DEBUG|INFO|NOTICE|VRB|DBG|INF|level=(?:trace|debug|info))\b/;
/**
 * Lines that start a new log event whatever came before: a time in one of
 * the forms leadingTime reads (`2026-11-22`, `22-Nov-2026`, `22 Nov 2026`,
 * `Nov 22, 2026`, `Sun Nov 22`, Ruby's `E, [`, logfmt's `time=…`, klog's
 * `E1122 `), syslog's year-less one, a bracket or brace, a level word.
 */
export const LOG_LINE_START =
  /^(?:\d{4}[-/]\d\d[-/]\d\d|\d\d:\d\d:\d\d|\d\d[- ][A-Z][a-z]{2}[- ]\d{4} |[A-Z][a-z]{2} (?:[ \d]\d |\d{1,2}, \d{4} |[A-Z][a-z]{2} [ \d]\d )|[DIWEFA], \[|(?:(?:level|lvl)=\w{1,16} )?(?:time|ts|t|timestamp)=[^\s=]|\[|\{|(?:TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL|CRITICAL|PANIC)\b|[IWEF]\d{4} )/;
/** What starts a Go program's crash output: a panic, a fatal error, or a goroutine's header (a dump on SIGQUIT). */
const GO_CRASH_START = /^(?:panic: |fatal error: |goroutine \d{1,12} \[)/;
/** A goroutine's header in a Go crash's dump, to its state's `[` (`goroutine 7 [chan receive, 5 minutes]:`). */
const GOROUTINE_HEADER = /^goroutine \d{1,12} \[/;
/**
 * The start of a frame's function line, up to its argument list's `(`:
 * `main.main(`, `github.com/x/y.(*Client).Send(`, `sync.(*Map[...]).Load(`.
 */
const GO_FRAME_FUNCTION = /^[A-Za-z_][\w./[\]-]{0,512}(?:\(\*?[\w[\].]{1,256}\)[\w./[\]-]{0,512})?\(/;
/** Lines of a dump that start with words of their own: who created the goroutine, the signal, elided frames, `go run`'s exit status. */
const GO_DUMP_WORDS = /^(?:created by |\[signal |\.\.\.additional frames elided\.\.\.|exit status \d{1,3}\s*$)/;

/**
 * A Go function's name alone on its line, as runtime.Frame gives it
 * (`main.main`, `net/http.HandlerFunc.ServeHTTP`, `github.com/x/y.(*T).M.func1`):
 * a letter or `_`, then a package path's, a receiver's and a name's
 * characters only, with a dot among them. One run of one class, so that a
 * line that is no such name fails at its first blank or colon.
 */
const GO_FUNCTION_CHARACTERS = /^[A-Za-z_][\w./~()*[\]-]{0,1024}$/;
/** A Go source file and line: a log header's caller (`sync/topics.go:88`), a frame's file (`\t/app/main.go:42`). */
const GO_FILE_LINE = /\.go:\d{1,7}\b/;

/** GO_FUNCTION_CHARACTERS, tried only on a line led by a letter or `_` (most lines that reach it lead with a digit, a brace or a blank). */
function isGoFunctionAlone(line: string): boolean {
  const c = line.charCodeAt(0) | 0x20;
  return ((c >= 0x61 && c <= 0x7a) || c === 0x7f) /* `_` | 0x20 */ && GO_FUNCTION_CHARACTERS.test(line) && line.includes('.');
}

/** GO_CRASH_START, tried only on a line whose first character may start it (`p`, `f`, `g`): most lines that start a record lead with a time. */
function startsGoCrash(line: string): boolean {
  const first = line.charCodeAt(0);
  return (first === 0x70 || first === 0x66 || first === 0x67) && GO_CRASH_START.test(line);
}

/**
 * Whether a line that is not indented belongs to a Go crash's goroutine
 * dump: a goroutine's header, a frame's function line (its arguments to
 * the line's end), or a line of GO_DUMP_WORDS.
 */
function isGoDumpLine(line: string): boolean {
  if (GO_FRAME_FUNCTION.test(line)) return line.trimEnd().endsWith(')');
  if (GOROUTINE_HEADER.test(line)) return line.trimEnd().endsWith(']:');
  return GO_DUMP_WORDS.test(line);
}
/** java.util.logging's SimpleFormatter header: `Nov 22, 2026 9:44:34 AM` and the source (its class and method). */
const JUL_HEADER = /^[A-Z][a-z]{2} \d{1,2}, \d{4} \d{1,2}:\d\d:\d\d [AP]M /;
/** java.util.logging's level, leading the line of the message after its header. */
const JUL_LEVEL = /^(?:SEVERE|WARNING|INFO|CONFIG|FINE|FINER|FINEST): /;
/** java.util.logging's levels below warnings: their message announces no failure. */
const JUL_QUIET_LEVEL = /^(?:INFO|CONFIG|FINE|FINER|FINEST):/;

/** A terminal colour code (SGR): `ESC [ … m`. */
const COLOUR_CODE = /\x1b\[[0-9;]{0,32}m/g;

/**
 * The line as the rules read it: a line that starts with a colour code
 * (NestJS's `[Nest]` prefix, Node's grey internal stack frames) is read
 * without its colour codes, as a terminal shows it.
 */
function plain(line: string): string {
  return line.charCodeAt(0) === 0x1b ? line.replace(COLOUR_CODE, '') : line;
}

/**
 * Whether `line` continues the open record described by `state`.
 * @example continuesRecord('\tat com.example.App.main(App.java:10)', state) // true
 */
export function continuesRecord(coloured: string, state: ContinuationState): boolean {
  if (state.lines === 0) return false;
  const line = plain(coloured);
  if (state.box) {
    const first = line.charCodeAt(0);
    return first === BOX_LINE || first === BOX_CLOSE;
  }
  if (line.length === 0) return true;
  const first = line.charCodeAt(0);
  if (first === 0x20 && state.richColumn > 0 && startsRichRecord(line, state.richColumn)) return false;
  if (first === 0x20 && startsNextLine(line)) return false;
  if (first === 0x20 || first === 0x09) return !state.afterBlank || !startsIndentedStack(line);
  if (state.traceback) return !LOG_LINE_START.test(line);
  if (state.goroutines && isGoDumpLine(line)) return true;
  if (state.goStack && isGoFunctionAlone(line)) return true;
  if (state.causeNext || isFrameOrCause(line) || CLOSER.test(line) || MARKUP.test(line)) return true;
  if (JAVA_SDK_REQUEST_ID.test(line)) return true;
  if (TRACEBACK_START.test(line) || TRACEBACK_CHAIN.test(line)) return true;
  if (state.fieldBlock && SDK_FIELD.test(line)) return true;
  if (state.julHeader && JUL_LEVEL.test(line)) return true;
  if (state.lines !== state.headerLines || state.startsWithException) return false;
  if (state.textHeader && BARE_OPENER.test(line)) return true;
  return QUALIFIED_EXCEPTION.test(line) || (state.awaitsException && EXCEPTION_LINE.test(line));
}

/**
 * Whether an indented line right after an empty line is an exception's
 * (see EXCEPTION_LINE), as a whole stack is printed indented after an empty
 * line (Koa's default error handler writes `\n  <err.stack, each line led
 * by two spaces>\n` to stderr, whatever the application wrote to stdout
 * before it): an error of its own, not more of the record before, even of
 * a header that awaits its exception (that exception follows unindented:
 * Spring Boot's `%wEx`).
 */
function startsIndentedStack(line: string): boolean {
  return EXCEPTION_LINE.test(line.trimStart());
}

/** The state after `line` joined the record (or started it). */
export function advanceState(coloured: string, state: ContinuationState): ContinuationState {
  const line = plain(coloured);
  const starting = state.lines === 0;
  let traceback = state.traceback;
  if (TRACEBACK_START.test(line)) traceback = true;
  else if (traceback && line.length > 0 && !isIndented(line) && !TRACEBACK_CHAIN.test(line) && !CAUGHT_FRAME.test(line)) traceback = false;
  const fieldBlock = opensFieldBlock(line) || (state.fieldBlock && (SDK_FIELD.test(line) || isIndented(line)));
  // java.util.logging's level line completes its header: the exception, if any, follows it.
  const julLevel = state.julHeader && JUL_LEVEL.test(line);
  // An empty line right after the header is the header's (Spring Boot's `%wEx` puts one before the stack trace): what follows is read as following the header.
  const blankAfterHeader = !starting && line.length === 0 && state.lines === state.headerLines;
  return {
    lines: state.lines + 1,
    traceback,
    fieldBlock,
    startsWithException: starting ? EXCEPTION_HEADER.test(line) : state.startsWithException,
    causeNext: leavesCauseOpen(line),
    awaitsException: starting ? isBareHeader(line) : blankAfterHeader ? state.awaitsException : julLevel && !OWN_EXCEPTION.test(line) && !JUL_QUIET_LEVEL.test(line),
    julHeader: starting && line.charCodeAt(0) !== 0x7b && JUL_HEADER.test(line),
    headerLines: blankAfterHeader || julLevel ? state.headerLines + 1 : state.headerLines,
    box: starting ? line.charCodeAt(0) === BOX_OPEN : state.box && line.charCodeAt(0) !== BOX_CLOSE,
    goroutines: starting ? startsGoCrash(line) : state.goroutines && (line.length === 0 || isIndented(line) || isGoDumpLine(line)),
    goStack: starting ? namesGoCaller(line) : state.goStack && (isIndented(line) ? namesGoCaller(line) : isGoFunctionAlone(line)),
    richColumn: starting ? richLevelColumn(line) : state.richColumn,
    textHeader: starting ? isTextHeader(line) : state.textHeader && (julLevel || blankAfterHeader),
    afterBlank: line.length === 0,
  };
}

/**
 * Whether a record's first line is text, not a JSON value: a bracket leads
 * a text line too when what follows it is no JSON (Monolog's and log4js's
 * `[2026-11-22 09:44:35] app.ERROR: …`) and the line does not end as an array does.
 */
function isTextHeader(line: string): boolean {
  const first = line.charCodeAt(0);
  if (line.length === 0 || first === 0x7b /* { */) return false;
  if (first !== 0x5b /* [ */) return true;
  const second = line.charCodeAt(1);
  if (second === 0x7b || second === 0x5b || second === 0x22 /* " */ || second === 0x5d /* ] */ || second === 0x20 || second === 0x09) return false;
  const trimmed = line.trimEnd();
  return trimmed.charCodeAt(trimmed.length - 1) !== 0x5d /* ] */;
}

/** Whether `line` may continue a record whose only line has not been read yet: what the state of such a record depends on. */
export function dependsOnHeader(coloured: string): boolean {
  const line = plain(coloured);
  return EXCEPTION_LINE.test(line) || JUL_LEVEL.test(line) || BARE_OPENER.test(line) || isGoFunctionAlone(line) || (line.charCodeAt(0) === 0x20 && richLevelColumn(line) > 0);
}

/** rich's level column (RichHandler's `level_width` of 8 and a space): each level padded to it, then the message. */
const RICH_LEVELS = ['DEBUG    ', 'INFO     ', 'WARNING  ', 'ERROR    ', 'CRITICAL '];
/** How wide rich's level column is, its space included: where the message starts after it. */
export const RICH_LEVEL_WIDTH = RICH_LEVELS[0]!.length;
/** The widest time column looked for before rich's level column. */
const MAX_RICH_TIME = 64;

/**
 * Where `line` has a level in rich's padded level column, or 0: after a
 * time column (what precedes it holds a digit and ends with a space: `[13:25:23] `,
 * `[11/22/26 13:25:23] `), or after blanks as wide as one (at least four:
 * RichHandler leaves a repeated time blank), with the message right after.
 * @example richLevelColumn('[13:25:23] ERROR    DescribeInstance failed') // 11
 */
export function richLevelColumn(line: string): number {
  let blanks = 0;
  while (blanks <= MAX_RICH_TIME && line.charCodeAt(blanks) === 0x20) blanks++;
  if (blanks > 0) return blanks >= 4 && isRichLevelAt(line, blanks) ? blanks : 0;
  let digit = false;
  const limit = Math.min(line.length, MAX_RICH_TIME + 1);
  for (let i = 0; i < limit; i++) {
    const c = line.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) digit = true;
    else if (c === 0x20 && digit && isRichLevelAt(line, i + 1)) return i + 1;
  }
  return 0;
}

/** Whether a level padded to rich's level column starts at `at`, the message right after it. */
function isRichLevelAt(line: string, at: number): boolean {
  const c = line.charCodeAt(at);
  // D, I, W, E, C: the levels' first letters.
  if (c !== 0x44 && c !== 0x49 && c !== 0x57 && c !== 0x45 && c !== 0x43) return false;
  const next = line.charCodeAt(at + RICH_LEVEL_WIDTH);
  if (Number.isNaN(next) || next === 0x20) return false;
  for (const level of RICH_LEVELS) if (line.startsWith(level, at)) return true;
  return false;
}

/** Whether `line` is blank up to `column` and has a level in rich's level column there: a record's first line. */
function startsRichRecord(line: string, column: number): boolean {
  if (line.charCodeAt(column - 1) !== 0x20 || !isRichLevelAt(line, column)) return false;
  for (let i = 0; i < column; i++) if (line.charCodeAt(i) !== 0x20) return false;
  return true;
}

/** Whether the line names a Go source file and line (searched only in a line that holds `.go:`). */
function namesGoCaller(line: string): boolean {
  return line.includes('.go:') && GO_FILE_LINE.test(line);
}

/** A log header line (not a JSON one, not below warnings) with no exception of its own. */
function isBareHeader(line: string): boolean {
  return line.charCodeAt(0) !== 0x7b && LOG_LINE_START.test(line) && !OWN_EXCEPTION.test(line) && !QUIET_LEVEL.test(line);
}

/**
 * FIELD_BLOCK_OPENER, run only on a line that holds `SDK` or `Exception: `
 * (each of its forms does): most lines of a stack hold neither, and a
 * literal search costs less than the pattern's own scan.
 */
function opensFieldBlock(line: string): boolean {
  return (line.includes('SDK') || line.includes('Exception: ')) && FIELD_BLOCK_OPENER.test(line);
}

function isIndented(line: string): boolean {
  const first = line.charCodeAt(0);
  return first === 0x20 || first === 0x09;
}

/**
 * Whether `line` starts a new record whatever record is open, unless that
 * record's last line left a cause to follow (`caused by:`, see
 * leavesCauseOpen): no rule above can make it a continuation. The fast path
 * closes the open record on such a line without decoding it.
 * @example alwaysStartsRecord('2026-11-22 09:44:30,112 INFO app: ready') // true
 */
export function alwaysStartsRecord(line: string): boolean {
  if (line.length === 0 || isIndented(line) || !LOG_LINE_START.test(line)) return false;
  if (isFrameOrCause(line) || CLOSER.test(line) || MARKUP.test(line) || JAVA_SDK_REQUEST_ID.test(line) || BARE_OPENER.test(line)) return false;
  if (TRACEBACK_START.test(line) || TRACEBACK_CHAIN.test(line)) return false;
  if (SDK_FIELD.test(line) || QUALIFIED_EXCEPTION.test(line) || EXCEPTION_LINE.test(line) || JUL_LEVEL.test(line)) return false;
  // A level word before a dot (`ERROR.x`) may be a Go function's name in zap's stack trace.
  return !isGoFunctionAlone(line);
}

/**
 * Whether the line ends with `caused by:`, so that whatever line comes next
 * continues its record: `/caused by:\s*$/i`, read back from the line's end
 * (the pattern itself would try every position of the line). trimEnd removes what
 * `\s` matches, and the `i` flag folds ASCII letters only.
 */
export function leavesCauseOpen(line: string): boolean {
  const end = line.charCodeAt(line.length - 1);
  // Most lines end in a character that is neither `:` nor a space of any kind.
  if (end !== 0x3a && !(end <= 0x20 || end > 0x7e)) return false;
  const text = line.trimEnd();
  const start = text.length - CAUSE_WORDS.length;
  if (start < 0) return false;
  for (let i = 0; i < CAUSE_WORDS.length; i++) {
    const c = text.charCodeAt(start + i);
    if ((c >= 0x41 && c <= 0x5a ? c | 0x20 : c) !== CAUSE_WORDS.charCodeAt(i)) return false;
  }
  return true;
}
const CAUSE_WORDS = 'caused by:';
