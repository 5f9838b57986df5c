// force timezone to UTC to allow tests to work regardless of local timezone
process.env.TZ = 'UTC';

const base = require('./.config/jest.config');

const swcTransform = base.transform['^.+\\.(t|j)sx?$'];
// d3-color and other dependencies ship ESM as .mjs; the scaffold only transforms .js/.ts.
const transform = { ...base.transform, '^.+\\.mjs$': swcTransform };

// Two projects: browser-side code in jsdom (the scaffold's setup), and Node-side code (numerics, CLI,
// companion service, benchmarks) in plain Node, where fetch, worker_threads and Node's ESM builds behave as
// in production.
const nodeRoots = [
  '<rootDir>/src/model/',
  '<rootDir>/src/cli/',
  '<rootDir>/src/contract/',
  '<rootDir>/service/',
  '<rootDir>/bench/',
  '<rootDir>/demo/',
];

module.exports = {
  coverageThreshold: {
    './src/model/': { lines: 80, statements: 80, functions: 80, branches: 70 },
  },
  collectCoverageFrom: ['src/model/**/*.ts', '!src/model/**/*.test.ts'],
  projects: [
    {
      ...base,
      displayName: 'web',
      transform,
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/', '<rootDir>/tests/', ...nodeRoots],
    },
    {
      displayName: 'node',
      testEnvironment: 'node',
      transform,
      moduleNameMapper: base.moduleNameMapper,
      modulePaths: base.modulePaths,
      testMatch: nodeRoots.map((root) => `${root}**/*.test.ts`),
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/'],
    },
  ],
};
