/** Ny insats (the guide, /insatser/ny) and editing an initiative (/insatser/SSPF/andra). */
export const initiativeEditingMessages = {
  newTitle: 'Ny insats',
  editTitle: 'Ändra insatsen',
} as const;
