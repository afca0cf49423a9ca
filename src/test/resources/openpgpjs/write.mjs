// openpgp.js writes the OpenPGP layers of a sealed file as docs/FORMAT.md says, for sealpack to open:
//   sign-bag: a detached, armored signature over the tag manifest;
//   seal: the tar encrypted to the recipients (SEIPD v2 between v6 keys), then one-pass signed with an
//         empty literal name and date 0.
// Usage: node write.mjs OPENPGPJS_DIR sign-bag TAGMANIFEST SIGNER_KEY PASSPHRASE_FILE OUT_ASC
//        node write.mjs OPENPGPJS_DIR seal TAR SIGNER_KEY PASSPHRASE_FILE OUT_SEALED RECIPIENT_CERT...
import fs from 'fs';
const [dir, mode, input, keyFile, passFile, out, ...recipients] = process.argv.slice(2);
const openpgp = await import(dir + '/node_modules/openpgp/dist/node/openpgp.mjs');
const signer = await openpgp.decryptKey({
  privateKey: await openpgp.readPrivateKey({ armoredKey: fs.readFileSync(keyFile, 'utf8') }),
  passphrase: fs.readFileSync(passFile, 'utf8').split('\n')[0] });
if (mode === 'sign-bag') {
  const message = await openpgp.createMessage({ binary: fs.readFileSync(input) });
  const signature = await openpgp.sign({ message, signingKeys: signer, detached: true, format: 'armored' });
  fs.writeFileSync(out, signature);
} else {
  const keys = [];
  for (const r of recipients) {
    keys.push(await openpgp.readKey({ armoredKey: fs.readFileSync(r, 'utf8') }));
  }
  keys.push(signer.toPublic());
  const tar = await openpgp.createMessage({ binary: fs.readFileSync(input), filename: 'bag.tar', date: new Date(0) });
  const inner = await openpgp.encrypt({ message: tar, encryptionKeys: keys, format: 'binary' });
  const outer = await openpgp.createMessage({ binary: inner, filename: '', date: new Date(0) });
  const sealed = await openpgp.sign({ message: outer, signingKeys: signer, format: 'binary' });
  fs.writeFileSync(out, sealed);
}
console.log(mode + ': written ' + out);
