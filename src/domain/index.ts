export * from './hosted-domain';
