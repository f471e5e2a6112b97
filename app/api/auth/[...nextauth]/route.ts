export { GET, POST } from '@/features/accounts/auth/handlers';
