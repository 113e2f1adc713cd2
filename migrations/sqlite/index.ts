import * as migration_20261205_081209_initial from './20261205_081209_initial';

export const migrations = [
  {
    up: migration_20261205_081209_initial.up,
    down: migration_20261205_081209_initial.down,
    name: '20261205_081209_initial'
  },
];
