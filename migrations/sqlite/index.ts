import * as migration_20261126_142839_initial from './20261126_142839_initial';

export const migrations = [
  {
    up: migration_20261126_142839_initial.up,
    down: migration_20261126_142839_initial.down,
    name: '20261126_142839_initial'
  },
];
