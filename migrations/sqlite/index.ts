import * as migration_20261126_144729_initial from './20261126_144729_initial';

export const migrations = [
  {
    up: migration_20261126_144729_initial.up,
    down: migration_20261126_144729_initial.down,
    name: '20261126_144729_initial'
  },
];
