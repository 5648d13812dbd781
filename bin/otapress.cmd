@echo off
rem Runs otapress from target\otapress.jar (build it with "mvn -q -DskipTests package").
rem Same JVM flags as bin/otapress: a whole build stays within 256 MB of memory, and class-data
rem sharing (an archive of loaded classes in %LOCALAPPDATA%\otapress, never in the jar) makes
rem later starts fast. OTAPRESS_JAVA_OPTS adds flags; JAVA_HOME picks the runtime.
setlocal EnableExtensions
set "HERE=%~dp0"
if defined OTAPRESS_JAR (set "JAR=%OTAPRESS_JAR%") else (set "JAR=%HERE%..\target\otapress.jar")
if not exist "%JAR%" (
  echo otapress: %JAR% not found; build it first: mvn -q -DskipTests package 1>&2
  exit /b 1
)
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java.exe") else (set "JAVA=java")
set "FLAGS=-Xmx160m -Xss1m -XX:+UseSerialGC -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=48m -XX:TieredStopAtLevel=1 -XX:MaxDirectMemorySize=32m -Djava.awt.headless=true -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off"
if not defined LOCALAPPDATA set "LOCALAPPDATA=%TEMP%"
set "CACHE=%LOCALAPPDATA%\otapress"
for %%J in ("%JAR%") do set "STAMP=%%~zJ-%%~tJ"
set "STAMP=%STAMP:/=-%"
set "STAMP=%STAMP::=-%"
set "STAMP=%STAMP: =-%"
set "ARCHIVE=%CACHE%\cds-%STAMP%.jsa"
if "%OTAPRESS_CDS%"=="0" goto plain
if exist "%ARCHIVE%" (
  rem Java 19 and later also refresh the archive when the jar changes; Java 17 ignores the flag.
  "%JAVA%" %FLAGS% -XX:+IgnoreUnrecognizedVMOptions -XX:+AutoCreateSharedArchive "-XX:SharedArchiveFile=%ARCHIVE%" %OTAPRESS_JAVA_OPTS% -jar "%JAR%" %*
  exit /b %ERRORLEVEL%
)
if /i not "%~1"=="build" goto plain
if not exist "%CACHE%" mkdir "%CACHE%" >nul 2>&1
del /q "%CACHE%\cds-*.jsa" >nul 2>&1
"%JAVA%" %FLAGS% "-XX:ArchiveClassesAtExit=%CACHE%\cds-%RANDOM%.tmp" %OTAPRESS_JAVA_OPTS% -jar "%JAR%" %*
set "STATUS=%ERRORLEVEL%"
for %%T in ("%CACHE%\cds-*.tmp") do move /y "%%T" "%ARCHIVE%" >nul 2>&1
exit /b %STATUS%
:plain
"%JAVA%" %FLAGS% %OTAPRESS_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
