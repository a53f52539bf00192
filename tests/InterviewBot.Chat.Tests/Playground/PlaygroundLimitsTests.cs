using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InterviewBot.Retrieval;

namespace InterviewBot.Chat.Tests.Playground;

/// <summary>Input limits: each bad parameter is a 400 ProblemDetails that says what to fix.</summary>
public sealed class PlaygroundLimitsTests : IAsyncLifetime
{
    private static readonly string TooLong = new('a', Retriever.MaxQuestionLength + 1);
    private static readonly string LongField = new('b', 201);
    private static readonly string LongName = new('c', 101);

    private PlaygroundTestHost _host = null!;

    public static TheoryData<string, string, string> BadRequests => new()
    {
        { $"/api/ask?q={TooLong}", "q", "That question is 1001 characters long; please keep it under 1000." },
        { $"/api/quote?q={TooLong}", "q", "That question is 1001 characters long; please keep it under 1000." },
        { $"/api/ask?q=Heat&speaker={LongName}", "speaker", "speaker is 101 characters long; the limit is 100." },
        { $"/api/quote?speaker={LongName}", "speaker", "speaker is 101 characters long; the limit is 100." },
        { $"/api/quote?interview={LongField}", "interview", "interview is 201 characters long; the limit is 200." },
        { $"/api/speakers?prefix={LongName}", "prefix", "prefix is 101 characters long; the limit is 100." },
        { "/api/ask?q=Heat&skip=abc", "skip", "skip must be a whole number from 0 to 300." },
        { "/api/ask?q=Heat&skip=-3", "skip", "skip must be a whole number from 0 to 300." },
        { "/api/ask?q=Heat&skip=301", "skip", "skip must be a whole number from 0 to 300." },
        { "/api/context?turn=1&first=0&count=1", "key", "key is required." },
        { $"/api/context?key={LongField}&turn=1&first=0&count=1", "key", "key is 201 characters long; the limit is 200." },
        { "/api/context?key=9ef42432&turn=1.5&first=0&count=1", "turn", "turn must be a whole number from 0 to 1000000." },
        { "/api/context?key=9ef42432&turn=1&count=1", "first", "first is required." },
        { "/api/context?key=9ef42432&turn=1&first=0&count=0", "count", "count must be a whole number from 1 to 100." },
        { "/api/context?key=9ef42432&turn=1&first=0&count=99999999999", "count", "count must be a whole number from 1 to 100." },
    };

    public async Task InitializeAsync() => _host = await PlaygroundTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_parameter_is_a_400_problem_naming_it(string path, string parameter, string detail)
    {
        using var response = await _host.Http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(400, (int)problem["status"]!);
        Assert.Equal("Invalid request", (string?)problem["title"]);
        Assert.Equal(detail, (string?)problem["detail"]);
        Assert.Equal(parameter, (string?)problem["parameter"]);
    }

    [Fact]
    public async Task A_question_at_the_limit_is_asked()
    {
        var question = "Why is Heat still the touchstone? " + new string('x', Retriever.MaxQuestionLength - 34);
        Assert.Equal(Retriever.MaxQuestionLength, question.Length);
        var reply = await _host.GetJsonAsync("/api/ask?q=" + Uri.EscapeDataString(question));
        Assert.True(reply.ContainsKey("quotes") || reply.ContainsKey("notice"));
    }

    [Fact]
    public async Task The_question_limit_is_named_in_the_problem()
    {
        using var response = await _host.Http.GetAsync(new Uri($"/api/ask?q={TooLong}", UriKind.Relative));
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(Retriever.MaxQuestionLength, (int)problem["limit"]!);
    }
}
