/** Who created and last changed a record, and when (the sales records carry these). */
export interface Stamps {
  created_at: string;
  updated_at: string;
  created_by: number | null;
  updated_by: number | null;
}
