// force timezone to UTC to allow tests to work regardless of local timezone
process.env.TZ = 'UTC';

const base = require('./.config/jest.config');

const swcTransform = base.transform['^.+\\.(t|j)sx?$'];

module.exports = {
  ...base,
  testMatch: [...base.testMatch, '<rootDir>/service/**/*.test.ts', '<rootDir>/bench/**/*.test.ts'],
  // d3-color and other dependencies ship ESM as .mjs; the scaffold only transforms .js/.ts.
  transform: {
    ...base.transform,
    '^.+\\.mjs$': swcTransform,
  },
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/', '<rootDir>/tests/'],
  collectCoverageFrom: ['src/model/**/*.ts', '!src/model/**/*.test.ts'],
  coverageThreshold: {
    './src/model/': { lines: 80, statements: 80, functions: 80, branches: 70 },
  },
};
