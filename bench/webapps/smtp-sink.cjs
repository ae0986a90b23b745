#!/usr/bin/env node
// A minimal SMTP sink for the browser check: accepts every message without TLS or AUTH and
// appends it, decoded, as one JSON line ({to, subject, body}) to the output file.
// Usage: node smtp-sink.cjs <port> <out.jsonl>
'use strict';
const net = require('net');
const fs = require('fs');

const port = Number(process.argv[2] || 2525);
const out = process.argv[3] || '/tmp/webapps/mail.jsonl';

function decodeBody(headers, body) {
  const enc = (/^content-transfer-encoding:\s*(\S+)/im.exec(headers) || [])[1] || '';
  if (/quoted-printable/i.test(enc)) {
    return body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-Fa-f]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
  }
  if (/base64/i.test(enc)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}

function record(raw, rcpts) {
  const text = raw.replace(/\r\n\.\./g, '\r\n.');
  const split = text.search(/\r?\n\r?\n/);
  const headers = split >= 0 ? text.slice(0, split) : text;
  const body = split >= 0 ? text.slice(split).replace(/^\r?\n\r?\n/, '') : '';
  const subject = ((/^subject:\s*(.*)$/im.exec(headers) || [])[1] || '').trim();
  fs.appendFileSync(out, JSON.stringify({ at: new Date().toISOString(), to: rcpts, subject, body: decodeBody(headers, body) }) + '\n');
}

net
  .createServer((sock) => {
    let buf = '';
    let inData = false;
    let data = '';
    let rcpts = [];
    const say = (l) => sock.write(l + '\r\n');
    say('220 webapps-check smtp sink');
    sock.on('data', (chunk) => {
      buf += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buf.indexOf('\r\n.\r\n');
          if (end < 0) return;
          data += buf.slice(0, end);
          buf = buf.slice(end + 5);
          inData = false;
          try { record(data, rcpts); } catch (e) { console.error('smtp-sink:', e); }
          data = '';
          rcpts = [];
          say('250 OK queued');
          continue;
        }
        const nl = buf.indexOf('\r\n');
        if (nl < 0) return;
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 2);
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === 'EHLO') { say('250-webapps-check'); say('250-8BITMIME'); say('250 SMTPUTF8'); }
        else if (cmd === 'HELO') say('250 webapps-check');
        else if (cmd === 'MAIL') { rcpts = []; say('250 OK'); }
        else if (cmd === 'RCPT') { rcpts.push(((/<([^>]*)>/.exec(line) || [])[1]) || line); say('250 OK'); }
        else if (cmd === 'DATA') { inData = true; data = ''; say('354 End data with <CR><LF>.<CR><LF>'); }
        else if (cmd === 'QUIT') { say('221 Bye'); sock.end(); return; }
        else if (cmd === 'RSET' || cmd === 'NOOP') say('250 OK');
        else say('502 Command not implemented');
      }
    });
    sock.on('error', () => {});
  })
  .listen(port, '127.0.0.1', () => console.log(`smtp-sink listening on 127.0.0.1:${port}, writing ${out}`));
