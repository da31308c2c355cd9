// Placeholder: the typed bridge is derived from src/shared/contract.ts in the desktop-app issue.
export {};
