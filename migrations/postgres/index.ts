import * as migration_20261205_081223_initial from './20261205_081223_initial';

export const migrations = [
  {
    up: migration_20261205_081223_initial.up,
    down: migration_20261205_081223_initial.down,
    name: '20261205_081223_initial'
  },
];
