export * from './accounts';
export * from './booking';
export * from './library';
export * from './mail';
export * from './payments';
export * from './newsletter';
