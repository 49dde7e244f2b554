/** What a reader sees of a cited source, as the pages and the models that read them share it. */
export interface SourceInfo {
  publisher: string;
  /** The original headline, or (titleIsDescriptive) an English description of the source. */
  title: string;
  titleIsDescriptive: boolean;
  /** The source's language, which its headline and quote are written in. */
  language: string | null;
  url: string | null;
  /** YYYY-MM-DD, or YYYY where only the year is known. */
  publishedOn: string | null;
  quote: string | null;
}
