import * as migration_20261206_062327_initial from './20261206_062327_initial';

export const migrations = [
  {
    up: migration_20261206_062327_initial.up,
    down: migration_20261206_062327_initial.down,
    name: '20261206_062327_initial'
  },
];
