// openpgp.js reads a sealed file layer by layer (docs/FORMAT.md): the outer one-pass signature by the
// sender, the inner encrypted message with the recipient's key, and writes the tar.
// Usage: node read.mjs OPENPGPJS_DIR SEALED SIGNER_CERT RECIPIENT_KEY PASSPHRASE_FILE OUT_TAR
import fs from 'fs';
const [dir, sealedFile, certFile, keyFile, passFile, outTar] = process.argv.slice(2);
const openpgp = await import(dir + '/node_modules/openpgp/dist/node/openpgp.mjs');
const signer = await openpgp.readKey({ armoredKey: fs.readFileSync(certFile, 'utf8') });
const recipient = await openpgp.decryptKey({
  privateKey: await openpgp.readPrivateKey({ armoredKey: fs.readFileSync(keyFile, 'utf8') }),
  passphrase: fs.readFileSync(passFile, 'utf8').split('\n')[0] });
const outer = await openpgp.readMessage({ binaryMessage: fs.readFileSync(sealedFile) });
const verified = await openpgp.verify({ message: outer, verificationKeys: signer, format: 'binary', expectSigned: true });
console.log('outer signature: good, by ' + verified.signatures[0].keyID.toHex());
const inner = await openpgp.readMessage({ binaryMessage: verified.data });
const { data } = await openpgp.decrypt({ message: inner, decryptionKeys: recipient, format: 'binary' });
fs.writeFileSync(outTar, data);
console.log('decrypted: ' + data.length + ' bytes of tar');
