using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InterviewBot.Chat.Playground;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewBot.Chat.Tests.Playground;

/// <summary>The corpus page's data, and quotes whose text looks like HTML.</summary>
public sealed class PlaygroundCorpusTests
{
    [Fact]
    public async Task The_corpus_lists_the_seed_interview_with_counts_and_a_skipped_file_with_its_reason()
    {
        using var corpus = new TempDir();
        foreach (var file in Directory.GetFiles(RepoPaths.Seeds))
        {
            File.Copy(file, Path.Combine(corpus.Path, Path.GetFileName(file)));
        }

        corpus.Write("broken/bad.vtt", "WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nBackwards.\n");
        await using var host = await PlaygroundTestHost.StartAsync(corpus.Path);

        var page = await host.GetJsonAsync("/api/corpus");
        var interview = Assert.Single(page["interviews"]!.AsArray())!;
        Assert.Equal("russo-extraction-heat-2020", (string?)interview["id"]);
        Assert.Equal("Joe Russo on how Extraction reaches for the greatness of Heat", (string?)interview["title"]);
        Assert.Equal("Polygon", (string?)interview["outlet"]);
        Assert.Equal("April 2020", (string?)interview["date"]);
        Assert.Equal(["Joe Russo"], interview["speakers"]!.AsArray().Select(s => (string)s!));
        Assert.Equal("000_f9a4c0693d7be27c.txt", (string?)interview["file"]);

        var loaded = Assert.Single(host.App.Services.GetRequiredService<Library.LibraryHolder>().Current.Corpus.Interviews);
        Assert.Equal(loaded.Turns.Count, (int)interview["turns"]!);
        Assert.Equal(PlaygroundCorpusEndpoint.Passages(loaded), (int)interview["passages"]!);
        Assert.True((int)interview["passages"]! > 50);
        Assert.Equal(1, (int)page["interviewCount"]!);
        Assert.Equal(host.App.Services.GetRequiredService<Library.LibraryHolder>().Current.Retriever.Index.PassageTotal, (int)page["passageCount"]!);

        var skipped = Assert.Single(page["skipped"]!.AsArray())!;
        Assert.Equal(Path.Combine("broken", "bad.vtt"), (string?)skipped["file"]);
        Assert.Contains("ends before it starts", (string)skipped["reason"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quote_containing_a_script_tag_is_data_never_markup()
    {
        using var corpus = new TempDir();
        corpus.Write("markup.txt", """
            Jane Roe: What exactly did you write on the whiteboard that morning?

            Sam Stone: On the whiteboard I wrote <script>alert("pwned")</script> & then <img src=x onerror=alert(1)> in big letters.
            """);
        corpus.Write("markup.yaml", """
            id: markup-test
            title: Tom & Jerry <b>live</b>
            outlet: Test & Co
            date: 2021-05
            url: https://example.com/a?x=1&y=2
            interviewer: Jane Roe
            interviewee: Sam Stone
            """);
        await using var host = await PlaygroundTestHost.StartAsync(corpus.Path);

        using var response = await host.Http.GetAsync(new Uri("/api/ask?q=" + Uri.EscapeDataString("What did Sam write on the whiteboard?"), UriKind.Relative));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var raw = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", raw, StringComparison.OrdinalIgnoreCase);

        var card = (await response.Content.ReadFromJsonAsync<JsonObject>())!["quotes"]![0]!;
        Assert.Contains("<script>alert(\"pwned\")</script> & then <img src=x onerror=alert(1)>", (string)card["text"]!, StringComparison.Ordinal);
        Assert.Equal("Tom & Jerry <b>live</b>", (string?)card["interview"]!["title"]);
        Assert.Equal("https://example.com/a?x=1&y=2", (string?)card["interview"]!["url"]);

        // The pages hold no data, and the script only ever puts it into the DOM as text.
        var assets = host.App.Services.GetRequiredService<PlaygroundAssets>();
        var script = assets.Text("playground.js");
        foreach (var sink in new[] { "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function" })
        {
            Assert.DoesNotContain(sink, script, StringComparison.Ordinal);
        }

        Assert.Contains("textContent", script, StringComparison.Ordinal);
        using var page = await host.Http.GetAsync(new Uri("/", UriKind.Relative));
        Assert.DoesNotContain("pwned", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
