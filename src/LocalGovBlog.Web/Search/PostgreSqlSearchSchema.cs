namespace LocalGovBlog.Web.Search;

/// <summary>
/// The PostgreSQL search index, created by the migration <c>AddFullTextSearch</c> of the PostgreSQL set and kept
/// here so that the set can be generated again from the model without losing it.
/// </summary>
/// <remarks>
/// Accents are folded by the <c>unaccent</c> dictionary inside a text search configuration of our own,
/// <c>lgb_english</c> (English stemming after unaccent) — the route PostgreSQL's documentation gives. A function
/// called in a generated column must be immutable and <c>unaccent(text)</c> is not; <c>to_tsvector</c> with a fixed
/// configuration is, and the same configuration serves <c>websearch_to_tsquery</c> and <c>ts_headline</c>, so
/// "cafe" finds and highlights "café" while the snippet keeps the accent.
/// </remarks>
public static class PostgreSqlSearchSchema
{
    public const string Up = """
        CREATE EXTENSION IF NOT EXISTS unaccent;
        CREATE TEXT SEARCH CONFIGURATION lgb_english (COPY = pg_catalog.english);
        ALTER TEXT SEARCH CONFIGURATION lgb_english
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;

        ALTER TABLE "Articles"
            ADD "SearchAuthors" text NOT NULL DEFAULT '',
            ADD "SearchNotes" text NOT NULL DEFAULT '';
        ALTER TABLE "Articles" ADD "SearchVector" tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('lgb_english'::regconfig, "Title"), 'A')
            || setweight(to_tsvector('lgb_english'::regconfig, "SearchAuthors"), 'B')
            || setweight(to_tsvector('lgb_english'::regconfig, coalesce("Standfirst", '')), 'C')
            || setweight(to_tsvector('lgb_english'::regconfig, "Text"), 'D')
            || setweight(to_tsvector('lgb_english'::regconfig, "SearchNotes"), 'D')) STORED;
        CREATE INDEX "IX_Articles_SearchVector" ON "Articles" USING gin ("SearchVector");

        UPDATE "Articles" a SET "SearchAuthors" = coalesce((
            SELECT string_agg(au."Name" || ' ' || au."SearchName", ' ' ORDER BY aa."Position")
            FROM "ArticleAuthors" aa JOIN "Authors" au ON au."Id" = aa."AuthorId" WHERE aa."ArticleId" = a."Id"), '');

        -- Lists put dated posts newest first and undated ones last (ArticleListQuery.InListingOrder); PostgreSQL
        -- sorts nulls first in a descending order, so the query says so and this index serves it.
        CREATE INDEX "IX_Articles_ListingOrder" ON "Articles" (("Published" IS NULL), "Published" DESC, "SourceOrder");

        -- The codebook's seeded themes carry their ids; the next theme a reader adds must not collide with them.
        SELECT setval(pg_get_serial_sequence('"Themes"', 'Id'), (SELECT coalesce(max("Id"), 0) + 1 FROM "Themes"), false);
        """;

    /// <summary>
    /// The head of an article (title A, authors B, standfirst C) as a tsvector of its own with its own GIN index
    /// (migration <c>AddSearchHead</c>). Built from the same parts in the same order as the front of
    /// <c>SearchVector</c>, so its lexemes, weights and positions are the same: "the words are in the head" is one index
    /// lookup on a small, uncompressed column instead of a weight re-check of every match's whole vector.
    /// </summary>
    public const string HeadUp = """
        ALTER TABLE "Articles" ADD "SearchHead" tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('lgb_english'::regconfig, "Title"), 'A')
            || setweight(to_tsvector('lgb_english'::regconfig, "SearchAuthors"), 'B')
            || setweight(to_tsvector('lgb_english'::regconfig, coalesce("Standfirst", '')), 'C')) STORED;
        CREATE INDEX "IX_Articles_SearchHead" ON "Articles" USING gin ("SearchHead");
        """;

    public const string HeadDown = """
        ALTER TABLE "Articles" DROP COLUMN "SearchHead";
        """;

    public const string Down = """
        DROP INDEX "IX_Articles_ListingOrder";
        ALTER TABLE "Articles" DROP COLUMN "SearchVector", DROP COLUMN "SearchAuthors", DROP COLUMN "SearchNotes";
        DROP TEXT SEARCH CONFIGURATION lgb_english;
        """;
}
