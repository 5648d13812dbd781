package dev.otapress.cli; public class Main { public static void main(String[] a){} }
