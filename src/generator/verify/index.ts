/**
 * @module The verify room: the CI gate. Golden samples re-rendered byte for byte, the presets
 * against the reference connectors, the registry against the folders, and the samples compiled
 * and tested in a throwaway workspace.
 */

export * from './verify.js';
