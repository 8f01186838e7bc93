export * from './user-pool-client-secret';
export * from './client-verification';
