export * from './accounts';
export * from './booking';
export * from './courses';
export * from './library';
export * from './mail';
export * from './payments';
export * from './intake';
export * from './newsletter';
