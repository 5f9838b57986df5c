import fixture from '../../tests/fixtures/datasource/migrate.json';
import { migrateQuery } from './migrate';
import type { SarimaQuery } from './types';

describe('migrateQuery', () => {
  it.each(fixture.cases)('should migrate $name', ({ stored, expected }) => {
    expect(migrateQuery(stored as Partial<SarimaQuery>)).toMatchObject(expected);
  });

  it('should be idempotent', () => {
    for (const { stored } of fixture.cases) {
      const once = migrateQuery(stored as Partial<SarimaQuery>);
      expect(migrateQuery(once)).toEqual(once);
    }
  });

  it('should match the snapshot of a migrated v0 query', () => {
    expect(migrateQuery({ refId: 'A', expr: 'up' })).toMatchSnapshot();
  });
});
