using System.Diagnostics;
using System.Threading.Channels;
using LocalGovBlog.Web.Annotations;
using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Search;
using LocalGovBlog.Web.Text;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Import;

/// <summary>
/// Writes parsed posts into the store: new posts are added, changed ones updated in place under
/// their slug, unchanged ones left alone. Works through the dump in batches, one transaction
/// each, so memory stays flat and a failure costs at most the batch in hand.
/// </summary>
public sealed partial class ArticleImporter(ArchiveDbContext db, IArticleSearch search, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<ImportSettings> settings, ILogger<ArticleImporter> logger)
{
    /// <summary>
    /// Checks a dump file, learns its shape in a first pass, and imports it in a second. With
    /// <see cref="ImportOptions.Strict"/>, a file the parser warns about is refused before anything is written.
    /// </summary>
    /// <exception cref="ImportRejectedException">The file is missing, empty, binary, not UTF-8, holds no post,
    /// or (strict) draws a warning.</exception>
    public async Task<ImportReport> ImportFileAsync(string path, ImportOptions options, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var totalBytes = DumpFile.Check(path);
        DumpShape shape;
        using (var reader = OpenDump(path, out _))
        {
            shape = DumpShape.Learn(reader);
        }
        if (options.Strict)
        {
            RefuseIfWarned(path, shape);
        }
        using var dump = OpenDump(path, out var stream);
        var entries = DumpParser.Parse(dump, shape, settings.Value.HouseAuthor);
        var report = await ImportAsync(entries, Path.GetFileName(path), options,
            progress is null ? null : articles => progress.Report(new ImportProgress(stream.Position, totalBytes, articles)),
            cancellationToken);
        report.Shape = shape.Description;
        progress?.Report(new ImportProgress(totalBytes, totalBytes, report.Articles));
        return report;
    }

    private static StreamReader OpenDump(string path, out FileStream stream)
    {
        stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        return new StreamReader(stream, DumpFile.StrictUtf8, detectEncodingFromByteOrderMarks: true);
    }

    /// <summary>A whole parse with nothing written: one warning and the file is refused, with every warning listed.</summary>
    private void RefuseIfWarned(string path, DumpShape shape)
    {
        const int listed = 20;
        using var reader = OpenDump(path, out _);
        var warnings = DumpParser.Parse(reader, shape, settings.Value.HouseAuthor)
            .SelectMany(entry => entry is ParsedArticle article ? article.Diagnostics : [(DumpDiagnostic)entry])
            .Where(diagnostic => diagnostic.Kind == DiagnosticKind.Warning)
            .ToList();
        if (warnings.Count > 0)
        {
            throw new ImportRejectedException(
                $"'{Path.GetFileName(path)}' was refused (strict): {warnings.Count} warning(s). "
                + string.Join(" ", warnings.Take(listed).Select(w => $"Line {w.Line}: {w.Message}."))
                + (warnings.Count > listed ? $" … and {warnings.Count - listed} more." : ""));
        }
    }

    public async Task<ImportReport> ImportAsync(IEnumerable<DumpEntry> entries, string source, ImportOptions options, Action<int>? onBatch = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(options);
        var stopwatch = Stopwatch.StartNew();
        var report = new ImportReport { Source = source, DryRun = options.DryRun };
        var run = new ImportRun(await NextSourceOrderAsync(cancellationToken),
            new ArticleMatcher((slug, token) => db.Articles.FirstOrDefaultAsync(a => a.Slug == slug, token)),
            new AuthorFinder(
                (keys, token) => db.Authors.Where(a => keys.Contains(a.NameKey)).ToListAsync(token),
                (slug, token) => db.Authors.AnyAsync(a => a.Slug == slug, token)));

        // A dry run works in one transaction that is rolled back, so later batches see earlier ones.
        await using var dryRunTransaction = options.DryRun ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        // Parsing and preparing the next batch overlaps with writing this one: two cores, two stages.
        var chunks = Channel.CreateBounded<ParsedChunk>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() => ReadChunksAsync(entries, options.BatchSize, chunks.Writer, stopReading.Token), CancellationToken.None);
        try
        {
            await foreach (var chunk in chunks.Reader.ReadAllAsync(cancellationToken))
            {
                foreach (var diagnostic in chunk.Diagnostics)
                {
                    report.Record(diagnostic);
                }
                if (chunk.Articles.Count > 0)
                {
                    await WriteBatchAsync(chunk.Articles, run, report, options.DryRun, cancellationToken);
                    onBatch?.Invoke(report.Articles);
                }
            }
        }
        finally
        {
            await stopReading.CancelAsync();
            await reading;
        }
        if (dryRunTransaction is not null)
        {
            await dryRunTransaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        if (report.Articles == 0)
        {
            var first = report.Diagnostics.Count > 0 ? report.Diagnostics[0] : null;
            throw new ImportRejectedException(
                $"'{source}' holds no recognisable post: a post starts with a title line followed by a byline (the author's name)."
                + (first is null ? "" : $" Line {first.Line}: {first.Message}"));
        }
        report.AuthorsAdded = run.Authors.Added;
        report.Elapsed = stopwatch.Elapsed;
        LogImported(source, options.DryRun, report.Added, report.Updated, report.Unchanged, report.Duplicates, report.DiagnosticCount, report.WarningCount, report.Elapsed.TotalMilliseconds);
        return report;
    }

    /// <summary>Groups the parser's output into batches of prepared posts, each with the diagnostics read before it.</summary>
    private static async Task ReadChunksAsync(IEnumerable<DumpEntry> entries, int batchSize, ChannelWriter<ParsedChunk> writer, CancellationToken cancellationToken)
    {
        try
        {
            var chunk = new ParsedChunk([], new List<PreparedArticle>(batchSize));
            foreach (var entry in entries)
            {
                switch (entry)
                {
                    case DumpDiagnostic diagnostic:
                        chunk.Diagnostics.Add(diagnostic);
                        break;
                    case ParsedArticle article:
                        chunk.Diagnostics.AddRange(article.Diagnostics);
                        chunk.Articles.Add(PreparedArticle.From(article));
                        if (chunk.Articles.Count == batchSize)
                        {
                            await writer.WriteAsync(chunk, cancellationToken);
                            chunk = new ParsedChunk([], new List<PreparedArticle>(batchSize));
                        }
                        break;
                }
            }
            if (chunk.Articles.Count > 0 || chunk.Diagnostics.Count > 0)
            {
                await writer.WriteAsync(chunk, cancellationToken);
            }
            writer.Complete();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            writer.TryComplete();
        }
#pragma warning disable CA1031 // the writer hands the parser's failure to the importing side, which rethrows it
        catch (Exception exception)
#pragma warning restore CA1031
        {
            writer.TryComplete(exception);
        }
    }

    private async Task<int> NextSourceOrderAsync(CancellationToken cancellationToken) =>
        (await db.Articles.MaxAsync(a => (int?)a.SourceOrder, cancellationToken) ?? -1) + 1;

    private async Task WriteBatchAsync(List<PreparedArticle> prepared, ImportRun run, ImportReport report, bool dryRun, CancellationToken cancellationToken)
    {
        await using var transaction = dryRun ? null : await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var newAuthors = new List<Author>();
        var authors = await run.Authors.FindAsync(prepared.SelectMany(p => p.Parsed.Authors), newAuthors, cancellationToken);
        db.Authors.AddRange(newAuthors);
        var candidates = await LoadCandidatesAsync(prepared, cancellationToken);
        var openingsInBatch = prepared.Select(p => p.OpeningKey).ToHashSet(StringComparer.Ordinal);
        var written = new List<Article>(prepared.Count);
        var added = new List<Article>(prepared.Count);

        foreach (var post in prepared)
        {
            var match = await run.Matcher.MatchAsync(post, candidates, openingsInBatch, cancellationToken);
            if (match.IsRepeat)
            {
                report.Record(new ImportedArticle(match.Slug, post.Parsed.Title, ImportOutcome.Duplicate, post.Parsed.TitleLine));
                report.Record(new DumpDiagnostic(post.Parsed.TitleLine, $"the post \"{post.Parsed.Title}\" appears twice in the file; the repeat was skipped", post.Parsed.Title));
                continue;
            }
            if (match.Stored is null)
            {
                var article = new Article
                {
                    Slug = match.Slug,
                    Title = post.Parsed.Title,
                    Text = post.Text,
                    ContentHash = post.ContentHash,
                    OpeningKey = post.OpeningKey,
                    SourceOrder = run.NextSourceOrder++,
                    ImportedAtUtc = now,
                    UpdatedAtUtc = now,
                };
                ArticleFields.Apply(article, post, authors);
                added.Add(article);
                written.Add(article);
                report.Record(new ImportedArticle(article.Slug, article.Title, ImportOutcome.Added, post.Parsed.TitleLine));
            }
            else if (match.Stored.ContentHash == post.ContentHash)
            {
                report.Record(new ImportedArticle(match.Stored.Slug, match.Stored.Title, ImportOutcome.Unchanged, post.Parsed.TitleLine));
            }
            else
            {
                var article = match.Stored;
                await db.Entry(article).Collection(a => a.Blocks).LoadAsync(cancellationToken);
                await db.Entry(article).Collection(a => a.Authors).LoadAsync(cancellationToken);
                await new ArticleTagReanchorer(db, logger).CarryAsync(article, post.Text, post.Parsed.TitleLine, report, now, cancellationToken);
                article.UpdatedAtUtc = now;
                ArticleFields.Apply(article, post, authors);
                written.Add(article);
                report.Record(new ImportedArticle(article.Slug, article.Title, ImportOutcome.Updated, post.Parsed.TitleLine));
            }
        }
        // EF writes new authors (giving them ids), author roles and bios, and changed posts; new posts go in bulk.
        await db.SaveChangesAsync(cancellationToken);
        await NewArticleRows.InsertAsync(db, added, cancellationToken);
        // Same transaction: the search index never disagrees with the store.
        await search.IndexAsync(written.ConvertAll(a => a.Id), cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        db.ChangeTracker.Clear();
    }

    /// <summary>Stored articles that may be one of these posts: under one of their slugs, or with one of their opening keys.</summary>
    private async Task<List<Article>> LoadCandidatesAsync(List<PreparedArticle> prepared, CancellationToken cancellationToken)
    {
        var slugs = prepared.Select(p => p.BaseSlug).Distinct().ToList();
        var openings = prepared.Select(p => p.OpeningKey).Distinct().ToList();
        return await db.Articles
            .Where(a => slugs.Contains(a.Slug) || openings.Contains(a.OpeningKey))
            .ToListAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Imported {Source} (dry run: {DryRun}): {Added} added, {Updated} updated, {Unchanged} unchanged, {Duplicates} duplicates, {Diagnostics} lines placed in no post, {Warnings} warnings in {ElapsedMs:0} ms")]
    private partial void LogImported(string source, bool dryRun, int added, int updated, int unchanged, int duplicates, int diagnostics, int warnings, double elapsedMs);

    private sealed record ParsedChunk(List<DumpDiagnostic> Diagnostics, List<PreparedArticle> Articles);

    /// <summary>What one import remembers from batch to batch.</summary>
    private sealed class ImportRun(int nextSourceOrder, ArticleMatcher matcher, AuthorFinder authors)
    {
        public int NextSourceOrder { get; set; } = nextSourceOrder;

        public ArticleMatcher Matcher => matcher;

        public AuthorFinder Authors => authors;
    }
}
