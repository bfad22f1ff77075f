// Shared by the save/load tests.
import { checksum } from '../src/saving/checksum.js';
import { type ModelArtifacts, packArtifacts, unpackArtifacts } from '../src/saving/model-file.js';
import type { SavedModel } from '../src/saving/saved-model.js';

/** A deep copy of a file's topology, for tests that edit it. */
export function editableTopology(bytes: Uint8Array): Record<string, unknown> {
  return JSON.parse(JSON.stringify(unpackArtifacts(bytes).topology));
}

/** Recomputes the checksum, as someone who edits a file on purpose would. */
export function resign(topology: Record<string, unknown>, weights: Uint8Array): ModelArtifacts {
  const { checksum: _, ...body } = topology;
  return {
    topology: { ...body, checksum: checksum(JSON.stringify(body), weights) } as SavedModel,
    weights,
  };
}

export function resignedFile(topology: Record<string, unknown>, weights: Uint8Array): Uint8Array {
  return packArtifacts(resign(topology, weights));
}
