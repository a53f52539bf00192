using System.Collections.Concurrent;
using InterviewBot.Chat.Qotd;
using InterviewBot.Chat.Slack;
using InterviewBot.Chat.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewBot.Chat.Tests.Qotd;

public sealed class SlackQotdManagersTests : IAsyncLifetime
{
    private readonly CapturingLogger _log = new();
    private FakeSlack _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeSlack.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private SlackQotdManagers Managers(params string[] listed) => Managers(TimeSpan.FromSeconds(10), listed);

    private SlackQotdManagers Managers(TimeSpan timeout, params string[] listed) =>
        new(SlackQotdPosterTests.Api(_fake, timeout), Options.Create(new SlackOptions { BotToken = "xoxb-test", QotdManagers = [.. listed] }), _log);

    [Fact]
    public async Task A_user_listed_in_QotdManagers_may_manage_without_asking_slack()
    {
        Assert.True(await Managers("U0MANAGER").MayManageAsync("U0MANAGER", default));
        Assert.Empty(_fake.Recorder.Named("users.info"));
    }

    [Theory]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(false, false, true)]
    public async Task Workspace_admins_and_owners_may_manage_as_users_info_says(bool admin, bool owner, bool primaryOwner)
    {
        _fake.Workspace.SetUser("U0BOSS", admin, owner, primaryOwner);

        Assert.True(await Managers("U0MANAGER").MayManageAsync("U0BOSS", default));
        var call = Assert.Single(_fake.Recorder.Named("users.info"));
        Assert.Equal("U0BOSS", call.Arg("user"));
        Assert.Equal("Bearer xoxb-test", call.Authorization);
    }

    [Fact]
    public async Task A_regular_member_may_not_manage()
    {
        _fake.Workspace.SetUser("U0MEMBER");

        Assert.False(await Managers().MayManageAsync("U0MEMBER", default));
        Assert.Empty(_log.Warnings);
    }

    [Fact]
    public async Task Without_the_users_read_scope_the_answer_is_no_and_one_warning_names_the_fix()
    {
        _fake.ScriptError("users.info", "missing_scope");
        _fake.ScriptError("users.info", "missing_scope");
        var managers = Managers();

        Assert.False(await managers.MayManageAsync("U0BOSS", default));
        Assert.False(await managers.MayManageAsync("U0BOSS", default));

        var warning = Assert.Single(_log.Warnings);
        Assert.Contains("missing_scope", warning, StringComparison.Ordinal);
        Assert.Contains("users:read", warning, StringComparison.Ordinal);
        Assert.Contains("Slack:QotdManagers", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_slack_cannot_be_reached_the_answer_is_no()
    {
        _fake.ScriptTimeout("users.info");
        _fake.ScriptTimeout("users.info");

        Assert.False(await Managers(TimeSpan.FromMilliseconds(300)).MayManageAsync("U0BOSS", default));
    }

    [Fact]
    public async Task An_unknown_user_may_not_manage()
    {
        _fake.ScriptError("users.info", "user_not_found");

        Assert.False(await Managers().MayManageAsync("U0GONE", default));
        Assert.Empty(_log.Warnings);
    }

    [Fact]
    public void QotdManagers_bind_from_indexed_configuration_keys()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:QotdManagers:0"] = "U012AB3CD",
            ["Slack:QotdManagers:1"] = "W0123ABCD",
        }).Build();

        var options = configuration.GetSection(SlackOptions.SectionName).Get<SlackOptions>()!;

        Assert.Equal(["U012AB3CD", "W0123ABCD"], options.QotdManagers);
    }

    [Fact]
    public void Slack_user_ids_in_QotdManagers_are_valid()
    {
        var options = new SlackOptions { BotToken = "xoxb-1", SigningSecret = "s", QotdManagers = ["U012AB3CD", "W0123ABCD"] };

        Assert.True(new SlackOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("alice")]
    [InlineData("@alice")]
    [InlineData("u012ab3cd")]
    [InlineData("C012AB3CD")]
    [InlineData("U012 AB3CD")]
    [InlineData("")]
    public void Anything_but_a_slack_user_id_in_QotdManagers_names_the_setting(string entry)
    {
        var options = new SlackOptions { BotToken = "xoxb-1", SigningSecret = "s", QotdManagers = ["U012AB3CD", entry] };

        var failures = new SlackOptionsValidator().Validate(null, options).Failures ?? [];

        Assert.Contains(failures, f => f.StartsWith("Slack:QotdManagers:1 must be a Slack user id", StringComparison.Ordinal));
    }

    private sealed class CapturingLogger : ILogger<SlackQotdManagers>
    {
        private readonly ConcurrentQueue<(LogLevel Level, string Text)> _lines = new();

        public IEnumerable<string> Warnings => _lines.Where(l => l.Level >= LogLevel.Warning).Select(l => l.Text);

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _lines.Enqueue((logLevel, formatter(state, exception)));
    }
}
