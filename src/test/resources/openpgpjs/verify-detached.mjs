// openpgp.js checks a detached signature (the bag signature over the tag manifest).
// Usage: node verify-detached.mjs OPENPGPJS_DIR SIGNATURE DATA SIGNER_CERT
import fs from 'fs';
const [dir, sigFile, dataFile, certFile] = process.argv.slice(2);
const openpgp = await import(dir + '/node_modules/openpgp/dist/node/openpgp.mjs');
const signer = await openpgp.readKey({ armoredKey: fs.readFileSync(certFile, 'utf8') });
const signature = await openpgp.readSignature({ armoredSignature: fs.readFileSync(sigFile, 'utf8') });
const message = await openpgp.createMessage({ binary: fs.readFileSync(dataFile) });
const result = await openpgp.verify({ message, signature, verificationKeys: signer, expectSigned: true });
await result.signatures[0].verified;
console.log('bag signature: good');
