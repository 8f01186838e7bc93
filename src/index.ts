export * from './rules';
export * from './clients';
export * from './domain';
export * from './secret';
export * from './compliance';
