import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const NODE_KEY_FILE = 'node-key.pem';

export interface NodeKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The public key as base64 SPKI DER: what a parent lists to accept this node. */
  publicKeyText: string;
}

/** The node's Ed25519 key pair, created (private file, mode 0600) on first use. */
export function loadOrCreateNodeKeys(dataDir: string): NodeKeys {
  const file = path.join(dataDir, NODE_KEY_FILE);
  let privateKey: KeyObject;
  if (fs.existsSync(file)) {
    privateKey = createPrivateKey(fs.readFileSync(file));
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${file} is not an Ed25519 key`);
  } else {
    fs.mkdirSync(dataDir, { recursive: true });
    privateKey = generateKeyPairSync('ed25519').privateKey;
    fs.writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  }
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, publicKeyText: publicKeyText(publicKey) };
}

export function publicKeyText(key: KeyObject): string {
  return key.export({ type: 'spki', format: 'der' }).toString('base64');
}

/** Reads a peer's base64 SPKI DER key; throws on anything that is not an Ed25519 public key. */
export function parsePublicKey(text: string): KeyObject {
  const key = createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 public key');
  return key;
}
