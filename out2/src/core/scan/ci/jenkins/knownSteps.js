"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KNOWN_JENKINS_STEPS = void 0;
// Pipeline steps that Jenkins itself and its widely installed plugins provide. A step called in a
// Jenkinsfile that is none of these and no method of the file is a global variable of a shared
// library: one loaded by `@Library`, or one the controller loads implicitly for every pipeline
// (the Jenkins infrastructure's `buildPlugin()`). Its code lives elsewhere, so it is listed as an
// external reference.
exports.KNOWN_JENKINS_STEPS = new Set([
    // core and Pipeline plugins (workflow-basic-steps, workflow-durable-task-step, workflow-cps, ...)
    'archive', 'archiveArtifacts', 'bat', 'build', 'catchError', 'checkout', 'cleanWs', 'deleteDir', 'dir', 'echo', 'error',
    'fileExists', 'fingerprint', 'git', 'input', 'isUnix', 'junit', 'library', 'libraryResource', 'load', 'lock', 'mail',
    'milestone', 'node', 'parallel', 'powershell', 'pwsh', 'properties', 'readFile', 'retry', 'script', 'sh', 'sleep', 'stage',
    'stash', 'step', 'timeout', 'timestamps', 'tool', 'unarchive', 'unstable', 'unstash', 'waitUntil', 'warnError',
    'withCredentials', 'withEnv', 'wrap', 'writeFile', 'ws', 'pwd', 'getContext', 'withContext', 'resolveScm', 'scmGit',
    'emailext', 'emailextrecipients', 'buildDiscarder', 'logRotator', 'disableConcurrentBuilds', 'skipDefaultCheckout',
    'checkoutToSubdirectory', 'quietPeriod', 'pollSCM', 'cron', 'upstream', 'pipelineTriggers', 'parameters', 'string',
    'booleanParam', 'choice', 'text', 'password', 'credentials', 'usernamePassword', 'usernameColonPassword', 'file',
    'sshUserPrivateKey', 'certificate', 'dockerCert', 'gitUsernamePassword', 'gitParameter', 'agent', 'options', 'environment',
    'tools', 'triggers', 'post', 'when', 'steps', 'stages', 'matrix', 'axes', 'axis', 'values', 'excludes', 'exclude',
    'validateDeclarativePipeline', 'currentBuild', 'buildName', 'buildDescription', 'ansiColor', 'throttle', 'preserveStashes',
    'overrideIndexTriggers', 'durabilityHint', 'copyArtifacts', 'copyArtifactPermission', 'rateLimitBuilds',
    'discoverGitReferenceBuild', 'unzip', 'zip', 'tar', 'untar', 'findFiles', 'touch', 'sha1', 'sha256', 'tee', 'readJSON',
    'writeJSON', 'readYaml', 'writeYaml', 'readProperties', 'readCSV', 'writeCSV', 'readManifest', 'readMavenPom',
    'writeMavenPom', 'readTrusted', 'nodesByLabel', 'jiraComment', 'httpRequest', 'configFileProvider', 'withFolderProperties',
    'withGroovy', 'withAnt', 'withGradle', 'withMaven', 'withNPM', 'nodejs', 'jdk', 'maven', 'gradle',
    // reporting, notification and SCM status plugins
    'publishHTML', 'publishChecks', 'withChecks', 'recordIssues', 'scanForIssues', 'publishIssues', 'recordCoverage',
    'publishCoverage', 'jacoco', 'cobertura', 'xunit', 'nunit', 'mstest', 'perfReport', 'slackSend', 'slackUploadFile',
    'mattermostSend', 'office365ConnectorSend', 'rocketSend', 'githubNotify', 'setGitHubPullRequestStatus',
    'updateGitlabCommitStatus', 'gitlabCommitStatus', 'gitlabBuilds', 'addGitLabMRComment', 'acceptGitLabMR',
    'bitbucketStatusNotify', 'notifyBitbucket', 'setBuildStatus', 'pullRequest', 'githubPRComment', 'gerritReview',
    'gerritComment',
    // credentials, agents, containers, clouds and artifact stores
    'sshagent', 'sshPublisher', 'sshPublisherDesc', 'sshTransfer', 'withAWS', 's3Upload', 's3Download', 'awsCodeBuild',
    'withDockerRegistry', 'withDockerServer', 'withDockerContainer', 'withKubeConfig', 'withKubeCredentials', 'kubeconfig',
    'kubernetesDeploy', 'container', 'containerTemplate', 'podTemplate', 'secretVolume', 'emptyDirVolume', 'hostPathVolume',
    'envVar', 'secretEnvVar', 'withVault', 'vaultString', 'azureWebAppPublish', 'azureFunctionAppPublish',
    'azureCLI', 'withAzureKeyvault', 'googleStorageUpload', 'rtServer', 'rtMavenRun', 'rtGradleRun', 'rtUpload', 'rtDownload',
    'rtPublishBuildInfo', 'rtMavenDeployer', 'rtMavenResolver', 'nexusArtifactUploader', 'nexusPublisher', 'ansiblePlaybook',
    'ansibleVault', 'terraform',
    // analysis plugins
    'withSonarQubeEnv', 'waitForQualityGate', 'dependencyCheck', 'dependencyCheckPublisher', 'snykSecurity',
    'nexusPolicyEvaluation', 'synopsys_detect', 'anchore', 'aquaMicroscanner',
]);
//# sourceMappingURL=knownSteps.js.map