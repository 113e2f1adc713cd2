import * as migration_20261205_092807_initial from './20261205_092807_initial';

export const migrations = [
  {
    up: migration_20261205_092807_initial.up,
    down: migration_20261205_092807_initial.down,
    name: '20261205_092807_initial'
  },
];
