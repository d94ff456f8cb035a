export * from './demo-seed.js';
export * from './trollhattan.demo.js';
