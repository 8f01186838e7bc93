export * from './app-client';
export * from './public-spa-client';
export * from './m2m-client';
