import * as migration_20261205_154843_initial from './20261205_154843_initial';

export const migrations = [
  {
    up: migration_20261205_154843_initial.up,
    down: migration_20261205_154843_initial.down,
    name: '20261205_154843_initial'
  },
];
