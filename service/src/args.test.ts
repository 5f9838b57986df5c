import { HelpRequested, parseArgs, USAGE, UsageError } from './args';

describe('service parseArgs', () => {
  it('should read every flag in both --name value and --name=value forms', () => {
    const args = parseArgs(
      [
        '--config',
        'd.yaml',
        '--listen=[::1]:9000',
        '--shard-index',
        'tidemark-1',
        '--shard-count=2',
        '--log-level',
        'warn',
      ],
      {}
    );
    expect(args).toEqual({
      config: 'd.yaml',
      host: '::1',
      port: 9000,
      shard: { index: 1, count: 2 },
      logLevel: 'warn',
      startupJitterMs: 30_000,
    });
  });

  it.each([['--help'], ['-h'], ['--config', 'd.yaml', '--help']])('should answer %j with the help text', (...argv) => {
    expect(() => parseArgs(argv, {})).toThrow(HelpRequested);
    expect(USAGE).toContain('--startup-jitter DURATION');
  });

  it.each([
    [['--bogus', '1'], "Unknown option '--bogus'"],
    [['--config'], "Option '--config <value>' argument missing"],
    [['--config', 'd.yaml', 'extra'], "Unexpected argument 'extra'"],
    [[], '--config FILE is required'],
    [['--config', 'd.yaml', '--log-level', 'loud'], '--log-level must be one of fatal, error'],
    [['--config', 'd.yaml', '--shard-count', '0'], 'shard count "0" must be a positive integer'],
  ])('should reject %j naming the flag', (argv, message) => {
    expect(() => parseArgs(argv, {})).toThrow(UsageError);
    expect(() => parseArgs(argv, {})).toThrow(message);
  });
});
