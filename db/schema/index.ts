export * from './accounts';
export * from './library';
export * from './mail';
