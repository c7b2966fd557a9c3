using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using LocalGovBlog.Web.Api;

namespace LocalGovBlog.Web.Export;

/// <summary>
/// Writes tags as one W3C <c>AnnotationCollection</c> (JSON-LD) whose first and only page holds every
/// annotation, in the shape the API serves (positions in code points, IRIs for people and articles).
/// Written as it is read: nothing but the current article is held in memory. The JSON goes to a small buffer that
/// is copied out asynchronously (the serializer flushes synchronously, and Kestrel refuses synchronous writes).
/// </summary>
public static class W3cAnnotationExport
{
    public const string ContentType = "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"";

    public const string FileName = "localgovblog-annotations.jsonld";

    private const int FlushBytes = 64 * 1024;

    // A download, never embedded in HTML: keep quotes, accents and emoji readable.
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <param name="collectionId">The collection's IRI: the address it was exported from, with its filter.</param>
    /// <returns>The number of annotations written.</returns>
    public static async Task<int> WriteAsync(
        Stream output, ArchiveIris iris, string collectionId, string label, int total, IAsyncEnumerable<ExportedArticle> articles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(iris);
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(output);
        var buffer = new ArrayBufferWriter<byte>(FlushBytes * 2);
        await using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Encoder, Indented = false });
        json.WriteStartObject();
        json.WriteString("@context", WebAnnotation.JsonLdContext);
        json.WriteString("id", collectionId);
        json.WriteString("type", "AnnotationCollection");
        json.WriteString("label", label);
        json.WriteNumber("total", total);
        json.WriteStartObject("first");
        json.WriteString("id", collectionId + "#page-1");
        json.WriteString("type", "AnnotationPage");
        json.WriteNumber("startIndex", 0);
        json.WriteStartArray("items");
        var written = 0;
        await foreach (var article in articles.WithCancellation(cancellationToken))
        {
            foreach (var tag in article.Tags)
            {
                JsonSerializer.Serialize(json, WebAnnotation.From(tag, article.Offsets, iris, canEdit: null), WebAnnotationJson.Default.WebAnnotation);
                written++;
            }
            json.Flush();
            if (buffer.WrittenCount > FlushBytes)
            {
                await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
                buffer.ResetWrittenCount();
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.Flush();
        await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
        await output.FlushAsync(cancellationToken);
        return written;
    }
}

/// <summary>
/// The API's JSON conventions for an annotation (camelCase, nulls left out), so an exported annotation reads as a served
/// one; generated at build time, so writing 100,000 of them costs no reflection.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(WebAnnotation))]
internal sealed partial class WebAnnotationJson : JsonSerializerContext;
