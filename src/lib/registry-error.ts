// Faults in a registry file (places.yaml, stars.yaml), each tied to the entry it is about, so
// messages can point at that entry's line.
export interface RegistryFault {
  /** Index of the entry at fault in the registry list. */
  index: number;
  message: string;
}

export class RegistryError extends Error {
  readonly faults: RegistryFault[];
  constructor(faults: RegistryFault[]) {
    super(faults.map((f) => f.message).join('\n'));
    this.name = 'RegistryError';
    this.faults = faults;
  }
}
