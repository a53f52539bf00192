using System.Runtime.CompilerServices;

namespace InterviewBot.Tests;

/// <summary>Keeps state written by hosts under test out of the user's data directory.</summary>
internal static class TestEnvironment
{
#pragma warning disable CA2255 // a module initializer is the way to set this before any test builds a host
    [ModuleInitializer]
    internal static void UseTemporaryDataDirectory()
#pragma warning restore CA2255
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("INTERVIEWBOT_DATA")))
        {
            Environment.SetEnvironmentVariable("INTERVIEWBOT_DATA", Path.Combine(Path.GetTempPath(), $"interviewbot-tests-data-{Environment.ProcessId}"));
        }
    }
}
