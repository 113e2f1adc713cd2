import * as migration_20261205_154850_initial from './20261205_154850_initial';

export const migrations = [
  {
    up: migration_20261205_154850_initial.up,
    down: migration_20261205_154850_initial.down,
    name: '20261205_154850_initial'
  },
];
