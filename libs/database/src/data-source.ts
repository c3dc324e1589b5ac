// Entry point for the TypeORM command line (npm run migration:*), which needs a DataSource
// exported from a file. The apps build theirs through DatabaseModule.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is missing: set it to the PostgreSQL server to migrate.');
export default new DataSource(dataSourceOptions(url, { applicationName: 'vankien-migrations', poolSize: 2 }));
