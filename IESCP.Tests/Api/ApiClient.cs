using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IESCP.Data.ApiTokens;
using IESCP.Tests.Infrastructure;

namespace IESCP.Tests.Api;

/// <summary>An HTTP client of the JSON API, signed in with a token its user made.</summary>
public sealed class ApiClient : IDisposable
{
    private readonly HttpClient http;

    public ApiClient(Uri baseAddress, string? token)
    {
        http = new HttpClient { BaseAddress = baseAddress };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    public static async Task<(ApiClient Client, NewApiToken Token)> ForAsync(IescpApp app, TestUser user, string name = "tests")
    {
        var created = await app.Get<ApiTokenRepository>().CreateAsync(user.Actor, new ApiTokenInput { Name = name });
        Assert.True(created.Succeeded, created.Message);
        return (new ApiClient(app.BaseAddress, created.Value!.Token), created.Value);
    }

    public Task<HttpResponseMessage> GetAsync(string path) => http.GetAsync(path);

    public Task<HttpResponseMessage> PostAsync(string path, object? body = null) => http.PostAsJsonAsync(path, body ?? new { });

    /// <summary>Posts a body exactly as given (any bytes, any media type), as a careless or hostile client might.</summary>
    public Task<HttpResponseMessage> PostRawAsync(string path, byte[] body, string mediaType = "application/json")
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return http.PostAsync(path, content);
    }

    /// <summary>The body of a successful answer as JSON; fails the test with the problem otherwise.</summary>
    public async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> GetOkAsync(string path) => await OkAsync(await GetAsync(path));

    /// <summary>The problem-details document of a refused call, after checking its status and media type.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    public void Dispose() => http.Dispose();
}
