// Tests that read the built plugin in dist/ (run after `npm run build`).
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/built/**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' } } }],
  },
};
