using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace IESCP.Web.Api;

/// <summary>
/// The JSON of a read, serialized once per value rather than once per call. A warm read hands every
/// caller the same immutable instance (the read cache keeps its values decoded), so its JSON is the
/// same every time: it is kept beside the instance for as long as the instance lives, and goes
/// with it. Writing a page of search results was the largest part of a warm API call.
/// </summary>
internal sealed class CachedJson
{
    private const string ContentType = "application/json; charset=utf-8";

    private readonly ConditionalWeakTable<object, byte[]> written = [];
    private readonly ConditionalWeakTable<object, byte[]>.CreateValueCallback serialize;

    public CachedJson(IOptions<JsonOptions> options)
    {
        var serializerOptions = options.Value.SerializerOptions;
        serialize = value => JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), serializerOptions);
    }

    /// <summary>200 with <paramref name="value"/> as JSON, exactly as <see cref="TypedResults.Ok{TValue}(TValue)"/> writes it.</summary>
    public IResult Ok(object value) => TypedResults.Bytes(written.GetValue(value, serialize), ContentType);
}
