/** Ways Kubernetes and Docker wrap an application's lines. */
export interface Wrapper {
  name: string;
  wrap(text: string): string;
  /** The wrapper lists the lines newest first: the records come out newest first too. */
  newestFirst?: boolean;
}

function lines(text: string): string[] {
  const all = text.split('\n');
  if (all[all.length - 1] === '') all.pop();
  return all;
}

const BASE = Date.UTC(2026, 10, 22, 9, 0, 0);
function stamp(i: number): string {
  return new Date(BASE + i).toISOString().replace('Z', '123456Z');
}

/** Papertrail's archive times: `2026-11-22 01:00:00 -0800`, in the sender's zone. */
function papertrailTime(ms: number): string {
  return `${new Date(ms - 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ')} -0800`;
}

export const WRAPPERS: Wrapper[] = [
  {
    name: 'kubectl --timestamps',
    wrap: (text) => lines(text).map((l, i) => `${stamp(i)} ${l}\n`).join(''),
  },
  {
    name: 'kubectl --prefix',
    wrap: (text) => lines(text).map((l) => `[pod/mqtt-admin-7d9f/app] ${l}\n`).join(''),
  },
  {
    name: 'kubectl --prefix --timestamps',
    wrap: (text) => lines(text).map((l, i) => `[pod/mqtt-admin-7d9f/app] ${stamp(i)} ${l}\n`).join(''),
  },
  {
    name: 'CRI with partial lines',
    // Long lines are split into P parts of at most 64 characters, as a node splits lines over its buffer size.
    wrap: (text) =>
      lines(text)
        .map((l, i) => {
          const parts: string[] = [];
          for (let at = 0; at < l.length - 64; at += 64) parts.push(`${stamp(i)} stdout P ${l.slice(at, at + 64)}\n`);
          const rest = l.length > 64 ? l.slice(Math.floor((l.length - 1) / 64) * 64) : l;
          return parts.join('') + `${stamp(i)} stdout F ${rest}\n`;
        })
        .join(''),
  },
  {
    name: 'stern',
    wrap: (text) => lines(text).map((l) => `mqtt-admin-7d9f8c6b5-x2k4p app ${l}\n`).join(''),
  },
  {
    name: 'stern --all-namespaces --color always --timestamps',
    // fatih/color's codes around each name (the namespace in the pod's colour); the kubelet's time first in the line.
    wrap: (text) => lines(text).map((l, i) => `\x1b[96mmqtt\x1b[0m \x1b[96mmqtt-admin-7d9f8c6b5-x2k4p\x1b[0m \x1b[32mapp\x1b[0m ${stamp(i)} ${l}\n`).join(''),
  },
  {
    name: 'kubetail',
    // tput's colour before the pod, then a space and tput's sgr0 after the line (`while read -r` also trims blanks: not done here).
    wrap: (text) => lines(text).map((l) => `\x1b[31m[mqtt-admin-7d9f8c6b5-x2k4p] ${l} \x1b(B\x1b[m\n`).join(''),
  },
  {
    name: 'rsyslog file (RFC 3339 time, control characters escaped)',
    wrap: (text) => lines(text).map((l, i) => `${stamp(i).replace('Z', '').slice(0, 26)}+08:00 node-1 mqtt-admin[812]: ${l.replace(/\t/g, '#011')}\n`).join(''),
  },
  {
    name: 'journalctl -o short-precise',
    wrap: (text) => lines(text).map((l, i) => `Nov 22 09:00:00.${String(i).padStart(6, '0')} node-1 mqtt-admin[812]: ${l}\n`).join(''),
  },
  {
    name: 'journalctl -o short-full',
    wrap: (text) => lines(text).map((l, i) => `Sun ${new Date(BASE + i * 1000).toISOString().slice(0, 19).replace('T', ' ')} UTC node-1 mqtt-admin[812]: ${l}\n`).join(''),
  },
  {
    name: 'journalctl -o short-unix',
    wrap: (text) => lines(text).map((l, i) => `${((BASE + i) / 1000).toFixed(6)} node-1 mqtt-admin[812]: ${l}\n`).join(''),
  },
  {
    name: 'Heroku logplex',
    wrap: (text) => lines(text).map((l, i) => `${stamp(i).replace('Z', '').slice(0, 26)}+00:00 app[web.1]: ${l}\n`).join(''),
  },
  {
    // RFC 6587's octet count before each message, which counts its newline; logplex writes no structured data.
    name: 'Heroku HTTPS log drain',
    wrap: (text) =>
      lines(text)
        .map((l, i) => {
          const message = `<190>1 ${stamp(i).replace('Z', '').slice(0, 26)}+00:00 host app web.1 - ${l}\n`;
          return `${Buffer.byteLength(message)} ${message}`;
        })
        .join(''),
  },
  {
    name: 'docker compose logs --timestamps',
    wrap: (text) => lines(text).map((l, i) => `mqtt-admin-1  | ${stamp(i)} ${l}\n`).join(''),
  },
  {
    name: 'docker service logs',
    wrap: (text) => lines(text).map((l) => `mqtt_admin.1.k3x9q2m8v7n1@node-1    | ${l}\n`).join(''),
  },
  {
    name: 'docker service logs --timestamps --no-task-ids',
    wrap: (text) => lines(text).map((l, i) => `${stamp(i)} mqtt_admin.12@swarm-manager    | ${l}\n`).join(''),
  },
  {
    name: 'Grafana download (.txt), newest first',
    newestFirst: true,
    // Each line a row of its own, `<epoch ms>\t<ISO time>\t<line>`, listed last line first.
    wrap: (text) =>
      lines(text)
        .map((l, i) => `${BASE + i}\t${new Date(BASE + i).toISOString()}\t${l}\n`)
        .reverse()
        .join(''),
  },
  {
    name: 'Grafana download (.txt), oldest first',
    wrap: (text) => lines(text).map((l, i) => `${BASE + i}\t${new Date(BASE + i).toISOString()}\t${l}\n`).join(''),
  },
  {
    name: 'Papertrail archive (.tsv)',
    // Each line a message of its own: id, generated_at and received_at (to the second, the sender's offset), source id, name and
    // address, facility, severity, program, message.
    wrap: (text) =>
      lines(text)
        .map((l, i) => `${50342052 + i}\t${papertrailTime(BASE + i * 1000)}\t${papertrailTime(BASE + i * 1000 + 1000)}\t42424\tfleet-api\t10.0.1.5\tLocal7\tInfo\tapp/web.1\t${l}\n`)
        .join(''),
  },
  {
    name: 'Docker json-file',
    wrap: (text) => lines(text).map((l, i) => JSON.stringify({ log: `${l}\n`, stream: 'stderr', time: stamp(i) }) + '\n').join(''),
  },
  {
    // msgpack-c prints strings raw: the log's own newline ends the event's first line, the rest follows on the next.
    name: 'Fluent Bit stdout (docker parser)',
    wrap: (text) =>
      lines(text)
        .map((l, i) => `[${i % 7}] kube.var.log.containers.mqtt-admin-7d9f_iot_app-0a1b.log: [[${(BASE + i) / 1000}, {}], {"log"=>"${l}\n", "stream"=>"stderr", "time"=>"${stamp(i)}"}]\n`)
        .join(''),
  },
];
