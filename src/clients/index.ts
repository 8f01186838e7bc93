export * from './app-client';
export * from './client-options';
export * from './public-spa-client';
export * from './m2m-client';
