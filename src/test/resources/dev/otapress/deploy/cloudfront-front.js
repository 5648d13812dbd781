// A stand-in for CloudFront in front of an S3 origin, for DeployCheckTest: an HTTPS server on
// 127.0.0.1 that runs a CloudFront Function (viewer request) over every request, then forwards the
// request as the function left it to the origin, or answers with the function's response.
// The function runs in a fresh context without require() or process, as CloudFront runs it.
// Usage: node cloudfront-front.js FUNCTION.js CERT.pem KEY.pem ORIGIN (http://127.0.0.1:PORT/ORIGIN-PATH)
// Prints "listening PORT" once it accepts connections.
'use strict';
const fs = require('fs');
const http = require('http');
const https = require('https');
const vm = require('vm');

const [functionFile, certFile, keyFile, originText] = process.argv.slice(2);
const origin = new URL(originText);
const originPath = origin.pathname.replace(/\/$/, '');
const handler = vm.runInNewContext(fs.readFileSync(functionFile, 'utf8') + '\n;handler', {}, { filename: functionFile });
if (typeof handler !== 'function') throw new Error(functionFile + ' defines no handler(event)');

function querystring(search) {
  const qs = {};
  for (const [k, v] of new URLSearchParams(search)) qs[k] = { value: v };
  return qs;
}

function serve(req, res) {
  const url = new URL(req.url, 'https://' + req.headers.host);
  const event = {
    version: '1.0',
    context: { distributionDomainName: 'd111111abcdef8.cloudfront.net', distributionId: 'EDFDVBD6EXAMPLE', eventType: 'viewer-request', requestId: 'test' },
    viewer: { ip: req.socket.remoteAddress },
    request: { method: req.method, uri: url.pathname, querystring: querystring(url.search), headers: { host: { value: req.headers.host } }, cookies: {} },
  };
  let result;
  try {
    result = handler(event);
  } catch (e) {
    res.writeHead(503, { 'content-type': 'text/plain' });
    res.end('the CloudFront Function threw: ' + e + '\n');
    return;
  }
  if (result && result.statusCode) {
    const headers = {};
    for (const [k, v] of Object.entries(result.headers || {})) headers[k] = v.value;
    res.writeHead(result.statusCode, headers);
    res.end(result.body && result.body.data ? result.body.data : '');
    return;
  }
  const search = Object.entries(result.querystring || {}).map(([k, v]) => encodeURIComponent(k) + '=' + encodeURIComponent(v.value)).join('&');
  const forward = http.request({
    host: origin.hostname, port: origin.port, method: req.method,
    path: originPath + result.uri + (search ? '?' + search : ''),
  }, (answer) => {
    res.writeHead(answer.statusCode, answer.headers);
    answer.pipe(res);
  });
  forward.on('error', (e) => {
    res.writeHead(502, { 'content-type': 'text/plain' });
    res.end('origin unreachable: ' + e.message + '\n');
  });
  req.pipe(forward);
}

const server = https.createServer({ cert: fs.readFileSync(certFile), key: fs.readFileSync(keyFile) }, serve);
server.listen(0, '127.0.0.1', () => console.log('listening ' + server.address().port));
process.stdin.on('end', () => process.exit(0)); // ends with the test that started it
process.stdin.resume();
