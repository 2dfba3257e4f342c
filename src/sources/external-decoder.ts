import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { Duplex } from 'node:stream';
import type { Readable, Writable } from 'node:stream';
import { DECODE_PROGRAM, type Compression } from './detect-compression.js';


/** What of the program's complaint a failure keeps. */
const MAX_STDERR = 4096;

/**
 * A compressed stream decoded by the program made for it (`zstd -dc`,
 * `xz -dc`, `bzip2 -dc`, `lz4 -dc`), run as a child process: bytes written
 * here go to its stdin, what it prints comes out. As GzipDecoder, it never
 * throws away what was decoded: a program that is not installed, or that
 * stops on damaged data, ends the stream after everything it printed, and
 * `failure` says why in one line.
 * @example fs.createReadStream('app.log.zst').pipe(new ExternalDecoder('zstd')).on('end', function () { console.log(this.failure) })
 */
export class ExternalDecoder extends Duplex {
  /** Why the data ended before its end, once the stream has ended; null when it was whole. */
  failure: string | null = null;
  private readonly child: ChildProcessByStdio<Writable, Readable, Readable>;
  private readonly program: string;
  private stderr = '';
  private gone = false;

  constructor(private readonly compression: Exclude<Compression, 'gzip' | 'zip'>) {
    super({ readableHighWaterMark: 1 << 20 });
    this.program = DECODE_PROGRAM[compression];
    this.child = spawn(this.program, ['-dc'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const { stdin, stdout, stderr } = this.child;
    stdout.on('data', (chunk: Buffer) => {
      if (!this.push(chunk)) stdout.pause();
    });
    stderr.on('data', (chunk: Buffer) => {
      if (this.stderr.length < MAX_STDERR) this.stderr += chunk.toString('utf8');
    });
    // A program that stops early closes its stdin: what is still written to it is dropped, as the program chose.
    stdin.on('error', () => undefined);
    this.child.on('error', (err: NodeJS.ErrnoException) => {
      this.failure ??=
        err.code === 'ENOENT'
          ? `${compression}-compressed: it is decoded by ${this.program}, which is not installed; install it, or decompress the file first (${this.program} -dc FILE | mqerr)`
          : `${compression}-compressed: ${this.program} could not be run (${err.message})`;
      this.finish();
    });
    this.child.on('close', (code: number | null, signal: NodeJS.Signals | null) => {
      // A program ended by a signal was stopped with the run (Ctrl-C reaches it too): what it printed is what was read.
      if (code !== null && code !== 0) this.failure ??= `${compression}-compressed: ${this.program} -dc stopped: ${firstLine(this.stderr) || `exit status ${code}`}`;
      else if (code === null && signal !== 'SIGINT' && signal !== 'SIGTERM' && signal !== 'SIGPIPE') this.failure ??= `${compression}-compressed: ${this.program} -dc was killed (${signal ?? 'no signal'})`;
      this.finish();
    });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    if (this.gone || this.child.stdin.destroyed) return done();
    if (this.child.stdin.write(chunk)) done();
    else this.child.stdin.once('drain', () => done());
  }

  override _final(done: (error?: Error | null) => void): void {
    this.child.stdin.end();
    done();
  }

  override _read(): void {
    this.child.stdout.resume();
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    if (!this.gone) this.child.kill();
    done(error);
  }

  /** The program is done (or never ran): the decoded stream ends. */
  private finish(): void {
    if (this.gone) return;
    this.gone = true;
    this.push(null);
  }
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0]!.trim().slice(0, 200);
}
